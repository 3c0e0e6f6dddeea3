package io.connect8x8.examples.otp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sends WhatsApp one-time passwords through 8x8 and logs their delivery receipts: {@code POST /otp?to=+65...} sends
 * a code with the authentication template, {@code GET /otp/{umid}} shows the latest receipt's state.
 */
@SpringBootApplication
public class OtpApplication {

    /**
     * Creates the application class; Spring Boot makes it, as the configuration {@link #main(String[])} starts from.
     */
    public OtpApplication() {
    }

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, such as {@code --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(OtpApplication.class, args);
    }
}
