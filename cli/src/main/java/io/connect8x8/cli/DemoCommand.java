package io.connect8x8.cli;

import com.sun.net.httpserver.HttpServer;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.RequestPreview;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.cli.internal.ReceiptLog;
import io.connect8x8.cli.internal.Results;
import io.connect8x8.cli.internal.Simulator;
import io.connect8x8.cli.internal.SimulatorFactory;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.ReceiptReceiver;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the guides' two flows against the simulator in-process, with a local receipt receiver, printed
 * step by step like the Flow's debug log. Loopback only: nothing leaves the machine.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the guides' WhatsApp authentication template flow and SMS flow against the local "
                + "simulator, printing each request, response and delivery receipt.",
                "Loopback only: starts the simulator and a receipt receiver on 127.0.0.1; nothing is sent out."},
        footerHeading = "%nExample:%n", footer = "  connect8x8 demo")
final class DemoCommand implements Callable<Integer> {

    static final String RECIPIENT = "+6512345678";
    static final String SUBACCOUNT = "demo-subaccount";
    static final String TEMPLATE = "your_authentication_template_name";
    /**
     * How long the demo waits for a message's final receipt. The receipts come within milliseconds; the bound is
     * generous because the demo runs inside the test suite too, where a loaded machine once took over 10 s.
     */
    static final Duration RECEIPT_WAIT = Duration.ofSeconds(30);
    /** Receipts come this much faster than 8x8's schedule, so the demo ends within seconds. */
    static final double RECEIPT_TIME_FACTOR = 0.001;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Connect8x8Command root = (Connect8x8Command) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        ReceiptLog receipts = new ReceiptLog();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Loopback only, and the simulator sends no Authorization header.
        receiver.createContext("/receipts",
                ReceiptReceiver.builder().withoutAuthorization().onReceipt(receipts).build().asHttpHandler());
        receiver.start();
        try (Simulator simulator = root.context().simulators()
                .start(SimulatorFactory.Settings.of(0, RECEIPT_TIME_FACTOR));
             Connect8x8Client client = Connect8x8Client.builder().apiKey(simulator.apiKey())
                     .smsBaseUrl(simulator.smsBaseUrl()).chatAppsBaseUrl(simulator.chatAppsBaseUrl())
                     .subAccountId(SUBACCOUNT).callTimeout(Duration.ofSeconds(10)).build()) {
            String dlrUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/receipts";
            out.println("Simulator: SMS " + simulator.smsBaseUrl() + ", Messaging Apps "
                    + simulator.chatAppsBaseUrl());
            out.println("Receipts:  " + dlrUrl);
            boolean complete = whatsApp(client, out, receipts, dlrUrl) & sms(client, out, receipts, dlrUrl);
            out.println();
            out.println(complete ? "Demo complete." : "Demo complete, but some receipts did not arrive within "
                    + RECEIPT_WAIT.toSeconds() + " s.");
            out.flush();
        } finally {
            receiver.stop(0);
        }
        return ExitCodes.OK;
    }

    private static boolean whatsApp(Connect8x8Client client, PrintWriter out, ReceiptLog receipts, String dlrUrl)
            throws InterruptedException {
        step(out, "1. WhatsApp authentication template (Send-Message)");
        ChatMessage message = ChatMessage.builder().to(RECIPIENT)
                .template(Template.authentication(TEMPLATE, "en_US", "123456")).dlrCallbackUrl(dlrUrl)
                // A fixed id, so that the request shown is byte for byte the one sent.
                .clientMessageId("demo-otp-1").build();
        request(out, client.chatApps().preview(message));
        ChatResult result = client.chatApps().send(message);
        response(out, Results.json(result));
        return follow(out, receipts, result.umid());
    }

    private static boolean sms(Connect8x8Client client, PrintWriter out, ReceiptLog receipts, String dlrUrl)
            throws InterruptedException {
        step(out, "2. SMS (Send-Sms-Single)");
        Sms sms = Sms.builder().to(RECIPIENT).from("8x8").text("This is an SMS message.").dlrCallbackUrl(dlrUrl)
                .clientMessageId("demo-sms-1").build();
        request(out, client.sms().preview(sms));
        SmsResult result = client.sms().send(sms);
        response(out, Results.json(result));
        return follow(out, receipts, result.umid());
    }

    private static void step(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
    }

    private static void request(PrintWriter out, RequestPreview preview) {
        out.println("-> request");
        out.println(preview.toJson(true));
    }

    private static void response(PrintWriter out, String json) {
        out.println("<- response");
        out.println(json);
        out.flush();
    }

    private static boolean follow(PrintWriter out, ReceiptLog receipts, String umid) throws InterruptedException {
        boolean complete = receipts.follow(umid, RECEIPT_WAIT, receipt -> {
            out.println("<- receipt " + describe(receipt));
            out.flush();
        });
        if (!complete) {
            out.println("   (no final receipt within " + RECEIPT_WAIT.toSeconds() + " s)");
        }
        return complete;
    }

    private static String describe(DeliveryReceipt receipt) {
        var status = receipt.status();
        return receipt.namespace() + " umid=" + receipt.umid() + " state=" + status.state()
                + (status.detail() != null ? " detail=" + status.detail() : "")
                + (status.errorCode() != null ? " errorCode=" + status.errorCode() : "");
    }
}
