package com.example.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.BadRequestException;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxClock;
import io.connect8x8.sms.Sms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a project that imports only the BOM reaches with connect8x8-generated-published on its class path, no rebuild:
 * operations beyond the sends, through the client's generic path, against the simulator serving every operation.
 */
class WholeApiTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path temp;

    private SandboxClock clock;
    private Sandbox sandbox;
    private Connect8x8Client client;

    @BeforeEach
    void start() {
        clock = SandboxClock.at(T0);
        sandbox = Sandbox.builder().clock(clock).build().start();
        client = Connect8x8Client.builder().apiKey(sandbox.apiKey()).subAccountId("acme-tests")
                .accountId("0123456789abcdef0123456789abcdef")
                .smsBaseUrl(sandbox.smsBaseUrl()).chatAppsBaseUrl(sandbox.chatAppsBaseUrl())
                .verifyBaseUrl(sandbox.verifyBaseUrl()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void aScheduledSmsHasAStatusAndIsCancelledOnce() {
        String umid = client.sms().send(Sms.builder().to("+6591234567").text("Your code is 123456")
                .scheduled(OffsetDateTime.ofInstant(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC)).build()).umid();
        assertEquals("scheduled", client.api().sms().status(umid).raw().string("status", "detail").orElseThrow());
        assertEquals(200, client.api().sms().cancel(umid).status());
        assertEquals("cancelled", client.api().sms().status(umid).raw().string("status", "detail").orElseThrow());
        assertThrows(BadRequestException.class, () -> client.api().sms().cancel(umid));
    }

    @Test
    void addedTemplatesAreListed() {
        client.api().whatsAppTemplates().add("wa-channel", "{\"name\":\"order_update\",\"language\":\"en_US\","
                + "\"category\":\"UTILITY\",\"components\":[{\"type\":\"BODY\",\"text\":\"Order {{1}} ships\"}]}");
        ApiResult list = client.api().whatsAppTemplates().list("wa-channel");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("\"order_update\""), list.body());
    }

    @Test
    void anUploadedFileIsSentAsMedia() throws Exception {
        ApiResult upload = client.api().files().upload(Files.writeString(temp.resolve("report.pdf"), "%PDF-1.4"));
        assertEquals(201, upload.status());
        String url = client.api().files().url(upload);
        assertTrue(client.chatApps().send(ChatMessage.builder().to("+6591234567").content(ChatContent.file(url, "report")).build())
                .accepted());
    }

    @Test
    void aOneTimeCodeIsSentAndVerified() {
        ApiResult session = client.api().verify().send("+6591234567");
        String id = session.raw().string("sessionId").orElseThrow();
        ApiResult checked = client.api().verify().check(id, sandbox.verificationCode(id));
        assertEquals("VERIFIED", checked.raw().string("status").orElseThrow());
    }
}
