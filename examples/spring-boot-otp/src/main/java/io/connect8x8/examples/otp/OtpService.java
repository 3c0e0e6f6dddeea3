package io.connect8x8.examples.otp;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Sends a fresh six-digit code with the WhatsApp authentication template (code in the body and the URL button). */
@Service
public class OtpService {

    private final SecureRandom random = new SecureRandom();
    private final Connect8x8Client client;
    private final String template;
    private final String language;

    /**
     * Creates the service.
     *
     * @param client   the starter's client bean
     * @param template the approved authentication template's name
     * @param language the template's language
     */
    public OtpService(Connect8x8Client client, @Value("${otp.template}") String template,
                      @Value("${otp.language}") String language) {
        this.client = client;
        this.template = template;
        this.language = language;
    }

    /**
     * Sends a new code.
     *
     * @param to the recipient's number in E.164 form
     * @return the message id 8x8 assigned, to match receipts with
     */
    public String send(String to) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        ChatResult result = client.chatApps().send(ChatMessage.builder()
                .to(to)
                .template(Template.authentication(template, language, code))
                .build());
        return result.umid();
    }
}
