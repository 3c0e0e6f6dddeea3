package com.example.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.spring.AutoConfigureConnect8x8Sandbox;
import io.connect8x8.spring.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application on a random port, 8x8 replaced by the simulator: Spring's JUnit extension and the starter. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureConnect8x8Sandbox
class NotifyApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    SandboxServer sandbox;

    @Test
    void sendsThroughTheStarterAndAnswersWithJson() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/codes?to=%2B6591234567"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        List<SandboxMessage> received = sandbox.sandbox().messagesTo("+6591234567");
        assertEquals(1, received.size());
        assertTrue(received.get(0).accepted());
        assertTrue(received.get(0).request().contains("\"text\":\"Your code is 123456\""), received.get(0).request());
        assertEquals(200, response.statusCode());
        assertEquals("{\"umid\":\"" + received.get(0).umid() + "\",\"accepted\":true}", response.body());
    }
}
