package com.example.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.SmsResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OtpSenderTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder().build();

    @Test
    void sendsTheCodeThroughTheSimulator(Connect8x8Client client, Sandbox sandbox) {
        SmsResult result = new OtpSender(client).send("+6591234567", "123456");

        List<SandboxMessage> received = sandbox.messagesTo("+6591234567");
        assertEquals(1, received.size());
        assertTrue(result.accepted());
        assertTrue(received.get(0).accepted());
        assertEquals(result.umid(), received.get(0).umid());
        assertTrue(received.get(0).request().contains("\"text\":\"Your code is 123456\""), received.get(0).request());
    }
}
