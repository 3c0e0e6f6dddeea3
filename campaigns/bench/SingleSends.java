import io.connect8x8.Connect8x8Client;
import io.connect8x8.sms.Sms;

/**
 * The baseline of kill-resume.sh: a loop of single sends, one request each, against the same simulator.
 * Run as {@code java -Xmx256m -cp connect8x8-cli.jar SingleSends.java SMS_URL COUNT}; prints messages per second.
 */
public class SingleSends {
    public static void main(String[] args) {
        int count = Integer.parseInt(args[1]);
        try (Connect8x8Client client = Connect8x8Client.builder().apiKey(System.getenv("CONNECT8X8_API_KEY"))
                .subAccountId("bench-single").smsBaseUrl(args[0]).build()) {
            for (int i = 0; i < 200; i++) {           // warm-up, not counted
                client.sms().send(Sms.builder().to("+6580" + String.format("%06d", i)).text("Hi " + i).build());
            }
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                client.sms().send(Sms.builder().to("+6581" + String.format("%06d", i))
                        .text("Hi Customer" + i + ", our spring sale starts tomorrow at 9").build());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d single sends in %.2f s: %.0f msg/s%n", count, seconds, count / seconds);
        }
    }
}
