package io.connect8x8.postgresql;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.CampaignReport;
import io.connect8x8.campaigns.Campaigns;
import io.connect8x8.sms.Sms;
import io.github.bucket4j.Bucket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.IntStream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One worker process of {@link TwoWorkersTest}: says "ready", waits for a line on stdin so that both workers start
 * together, runs the shared campaign, and prints its counts. Arguments: simulator root URL, API key, JDBC URL,
 * message count, worker name, bucket capacity.
 */
public final class CampaignWorker {

    static final String CAMPAIGN = "shared";
    static final String BUCKET = "sub-account-1";

    private CampaignWorker() {
    }

    /**
     * Runs the worker.
     *
     * @param args see the class comment
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[2]);
        int messages = Integer.parseInt(args[3]);
        PostgresCampaignJournal journal = PostgresCampaignJournal.builder(dataSource).worker(args[4]).build();
        Bucket bucket = SharedRateLimit.bucket(dataSource, BUCKET, TwoWorkersTest.budget(Long.parseLong(args[5])));
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try (Connect8x8Client client = Connect8x8Client.builder().apiKey(args[1]).smsBaseUrl(args[0] + "/sms")
                .subAccountId("campaign-sub").readTimeout(Duration.ofSeconds(10)).build()) {
            CampaignReport report = Campaigns.sms(client).campaignId(CAMPAIGN).journal(journal).bucket(bucket)
                    .concurrency(2).maxBatchBytes(16 * 1024).build().send(input(messages));
            System.out.println("REPORT " + report.accepted() + " " + report.elsewhere() + " " + report.requests()
                    + " " + report.ambiguous() + " " + report.failed());
        }
    }

    static Iterator<Sms> input(int n) {
        return IntStream.range(0, n).mapToObj(i -> Sms.builder().to("+6592" + String.format("%06d", i))
                .text("Dear customer " + i + ", the sale starts tomorrow").build()).iterator();
    }
}
