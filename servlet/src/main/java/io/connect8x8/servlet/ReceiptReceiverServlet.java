package io.connect8x8.servlet;

import io.connect8x8.webhooks.ReceiptReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * 8x8's delivery receipt and inbound message webhooks as a Jakarta Servlet (Servlet 6, Jakarta EE 10 or later), for
 * applications without Spring. Every request goes to {@link ReceiptReceiver#handle}, which authenticates, bounds,
 * parses and deduplicates it and calls the receiver's listeners; the servlet only translates the answer.
 *
 * <pre>{@code
 * ReceiptReceiver receiver = ReceiptReceiver.builder()
 *     .expectedAuthorization("Bearer " + webhookSecret)
 *     .onReceipt(receipt -> orders.markDelivery(receipt.clientMessageId(), receipt.knownState()))
 *     .build();
 * ServletRegistration.Dynamic webhook =
 *     servletContext.addServlet("connect8x8-webhook", new ReceiptReceiverServlet(receiver));
 * webhook.addMapping("/8x8/webhook");
 * }</pre>
 *
 * <p>The answer is a short {@code text/plain} body with the receiver's status; a 405 carries {@code Allow: POST}, a 503
 * {@code Retry-After: 1}, and a 413 {@code Connection: close} so that the container does not read the rest of an
 * oversized body. Requests run on the container's threads: its own idle timeout bounds a slow sender.
 */
public class ReceiptReceiverServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Not serialisable state: a servlet container that serialises servlets is not supported. */
    private final transient ReceiptReceiver receiver;

    /**
     * Creates the servlet.
     *
     * @param receiver the receiver that handles every request, not null
     */
    public ReceiptReceiverServlet(ReceiptReceiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /**
     * Handles a request of any method; only {@code POST} is accepted.
     *
     * @param request  the request
     * @param response the response
     * @throws IOException when the answer cannot be written
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReceiptReceiver.Response answer;
        try (InputStream body = request.getInputStream()) {
            answer = receiver.handle(request.getMethod(), request.getHeader("Authorization"), body,
                    request.getContentLengthLong());
        }
        write(answer, response);
    }

    /**
     * Writes a receiver's answer to a servlet response, with the headers described on this class.
     *
     * @param answer   the receiver's answer, not null
     * @param response the response to write, not committed
     * @throws IOException when the answer cannot be written
     */
    public static void write(ReceiptReceiver.Response answer, HttpServletResponse response) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("text/plain;charset=utf-8");
        if (answer.status() == 405) {
            response.setHeader("Allow", "POST");
        }
        if (answer.status() == 503) {
            response.setHeader("Retry-After", "1");
        }
        if (answer.status() == 413) {
            response.setHeader("Connection", "close");
        }
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
