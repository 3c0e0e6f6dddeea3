package io.connect8x8.sandbox.e2e;

import com.sun.net.httpserver.HttpServer;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.ReceiptReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The facade's {@link ReceiptReceiver} mounted on a JDK {@link HttpServer} on 127.0.0.1 and a free port, as an
 * application would mount it; it also keeps every new receipt in arrival order, for asserting sequences.
 */
final class WebhookServer implements AutoCloseable {

    private final HttpServer server;
    private final ReceiptReceiver receiver;
    private final List<DeliveryReceipt> arrivals = new ArrayList<>();

    WebhookServer() {
        receiver = ReceiptReceiver.builder().withoutAuthorization().onReceipt(this::arrived).build();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/8x8/receipts", receiver.asHttpHandler());
        server.start();
    }

    private synchronized void arrived(DeliveryReceipt receipt) {
        arrivals.add(receipt);
    }

    /** @return the URL to give as a message's {@code dlrCallbackUrl} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/8x8/receipts";
    }

    ReceiptReceiver receiver() {
        return receiver;
    }

    /** @return the states ({@code state/detail}) received for one message, in arrival order */
    synchronized List<String> sequence(String umid) {
        List<String> states = new ArrayList<>();
        for (DeliveryReceipt receipt : arrivals) {
            if (receipt.umid().equals(umid)) {
                String detail = receipt.status().detail();
                states.add(detail == null ? receipt.state() : receipt.state() + "/" + detail);
            }
        }
        return states;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
