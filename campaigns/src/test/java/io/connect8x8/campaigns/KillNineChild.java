package io.connect8x8.campaigns;

import io.connect8x8.Connect8x8Client;
import java.nio.file.Path;

/**
 * The sending process of {@link KillNineTest}: runs a slow-paced campaign until it is killed.
 * Arguments: simulator root URL, API key, journal path, message count.
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
        try (Connect8x8Client client = Fixtures.client(args[0], args[1]);
             FileJournal journal = FileJournal.open(Path.of(args[2]))) {
            KillNineTest.campaign(client, journal).rate(5).build().send(Fixtures.smsInput(Integer.parseInt(args[3])));
        }
    }
}
