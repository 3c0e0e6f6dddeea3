package io.connect8x8.campaigns;

import io.connect8x8.Connect8x8Client;
import java.nio.file.Path;

/**
 * The sending process of {@link KillNineTest} and {@link KillNineAtScaleTest}: runs a paced campaign until it is
 * killed. Arguments: simulator root URL, API key, journal path, message count, and {@code full} for full chunks of
 * 10,000 messages (default: small chunks).
 */
public final class KillNineChild {

    private KillNineChild() {
    }

    /**
     * Runs the campaign.
     *
     * @param args URL, key, journal, messages
     */
    public static void main(String[] args) {
        boolean full = args.length > 4 && "full".equals(args[4]);
        // Full chunks take the simulator a while on a loaded machine: a short read timeout would end them ambiguous.
        try (Connect8x8Client client = Fixtures.client(args[0], args[1], java.time.Duration.ofSeconds(full ? 60 : 3));
             FileJournal journal = FileJournal.open(Path.of(args[2]))) {
            Campaign.Builder<io.connect8x8.sms.Sms> campaign = full ? KillNineAtScaleTest.campaign(client, journal) : KillNineTest.campaign(client, journal).rate(5);
            campaign.build().send(Fixtures.smsInput(Integer.parseInt(args[3])));
        }
    }
}
