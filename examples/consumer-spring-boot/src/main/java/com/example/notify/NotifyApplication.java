package com.example.notify;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's Spring Boot application as the consumer check builds it: the starter's {@link Connect8x8Client} bean sends
 * an SMS code, and Spring MVC answers with JSON written by the platform's Jackson (Jackson 3 on Spring Boot 4,
 * Jackson 2 on 3.5), which a Jackson version pinned by connect8x8's BOM would break.
 */
@SpringBootApplication
@RestController
public class NotifyApplication {

    private final Connect8x8Client client;

    /**
     * Creates the controller.
     *
     * @param client the starter's client bean
     */
    public NotifyApplication(Connect8x8Client client) {
        this.client = client;
    }

    /**
     * Sends a code by SMS.
     *
     * @param to the recipient in E.164 form
     * @return what 8x8 answered
     */
    @PostMapping("/codes")
    public Sent send(@RequestParam String to) {
        SmsResult result = client.sms().send(Sms.builder().to(to).from("Example").text("Your code is 123456").build());
        return new Sent(result.umid(), result.accepted());
    }

    /**
     * The answer of {@code POST /codes}.
     *
     * @param umid     the message id 8x8 assigned
     * @param accepted whether 8x8 accepted the message
     */
    public record Sent(String umid, boolean accepted) {
    }

    /**
     * Runs the application.
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(NotifyApplication.class, args);
    }
}
