package io.connect8x8.campaigns;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.RequestOptions;
import io.connect8x8.Sleeper;
import io.connect8x8.TransportException;
import io.connect8x8.ValidationException;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 8x8's log export as a {@link MessageRecords} source: for an ambiguous chunk it starts an export job over the
 * chunk's window ({@code start-log-export-job}), waits for its result ({@code get-log-export-job-result}), reads the
 * exported CSV files and finds the chunk's messages by {@code clientmessageid}. The export lists every message 8x8
 * created in the window, whatever its status, so once the export lag has passed after the window's end it
 * <em>covers</em> the window: a message it lacks never reached 8x8 and is safe to send again.
 *
 * <p>The operations are in 8x8's complete documents only: put {@code connect8x8-generated-published} on the class
 * path (the client's generic operation path calls them; the key needs access to log exports). The export's files
 * are downloaded from the URLs the result gives, without the key, on the client's transport
 * ({@link io.connect8x8.api.Operations#download}).
 *
 * <pre>{@code
 * Campaigns.sms(client).campaignId("spring")
 *     .records(LogExportRecords.sms(client).build(), receipts)   // the export proves absence
 *     .build().send(messages);
 * }</pre>
 */
public final class LogExportRecords implements MessageRecords {

    /** A file's deadline, its body included: an export file can be far larger than an API answer. */
    private static final RequestOptions FILE_OPTIONS = RequestOptions.builder().timeout(Duration.ofMinutes(5)).build();

    private final Connect8x8Client client;
    private final Document document;
    private final Duration exportLag;
    private final Duration pollInterval;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;

    private LogExportRecords(Builder b) {
        this.client = b.client;
        this.document = b.document;
        this.exportLag = b.exportLag;
        this.pollInterval = b.pollInterval;
        this.maxWait = b.maxWait;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    /**
     * Starts a source over the SMS API's log export.
     *
     * @param client the client whose key and sub-account export the logs
     * @return a builder
     */
    public static Builder sms(Connect8x8Client client) {
        return new Builder(client, "sms:", "");
    }

    /**
     * Starts a source over the Messaging Apps API's log export.
     *
     * @param client the client whose key and sub-account export the logs
     * @return a builder
     */
    public static Builder chatApps(Connect8x8Client client) {
        return new Builder(client, "messaging-apps:", "-1");
    }

    @Override
    public RecordsAnswer lookup(AmbiguousChunk chunk) {
        if (chunk.from() == null || chunk.to() == null) {
            return RecordsAnswer.NOTHING;
        }
        // The window as whole seconds, outward: the export's bounds are [from, to).
        Instant from = chunk.from().truncatedTo(ChronoUnit.SECONDS);
        Instant to = chunk.to().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        boolean complete = !clock.instant().isBefore(to.plus(exportLag));
        ApiResult started = client.api().call(OperationCall.of(document.prefix() + "start-log-export-job"
                + document.suffix()).body(Map.of("from", from.toString(), "to", to.toString())));
        String jobId = started.json().getAsJsonObject().get("jobId").getAsString();
        Set<String> wanted = Set.copyOf(chunk.clientMessageIds());
        Set<String> found = new HashSet<>();
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            JsonObject result = client.api().call(OperationCall.of(document.prefix() + "get-log-export-job-result"
                    + document.suffix()).param("jobId", jobId)).json().getAsJsonObject();
            String status = result.has("status") ? result.get("status").getAsString() : "";
            if ("empty".equalsIgnoreCase(status)) {
                return new RecordsAnswer(found, complete);
            }
            if ("succeeded".equalsIgnoreCase(status)) {
                JsonArray files = result.has("data") ? result.getAsJsonArray("data") : new JsonArray();
                for (JsonElement file : files) {
                    read(file.getAsString(), wanted, found);
                }
                return new RecordsAnswer(found, complete);
            }
            if ("failed".equalsIgnoreCase(status) || "cancelled".equalsIgnoreCase(status)) {
                throw new IllegalStateException("the log export job " + jobId + " ended " + status);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the log export job " + jobId + " was still " + status + " after "
                        + maxWait.toSeconds() + " s");
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CampaignInterruptedException(e);
            }
        }
    }

    /**
     * Reads one exported CSV file as it downloads, keeping the wanted ids found in its clientmessageid column. The
     * file comes on the client's transport ({@code api().download}: its proxy, retries, listener; no key sent).
     */
    private void read(String url, Set<String> wanted, Set<String> found) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(client.api().download(url,
                FILE_OPTIONS), StandardCharsets.UTF_8))) {
            int column = idColumn(record(reader));
            if (column < 0) {
                throw new IllegalStateException("the log export file has no clientmessageid column");
            }
            for (List<String> row = record(reader); row != null; row = record(reader)) {
                if (column < row.size() && wanted.contains(row.get(column))) {
                    found.add(row.get(column));
                }
            }
        } catch (IOException e) {
            // The URL is not in the message: its query is the file's signature.
            throw new TransportException("cannot read the log export file: " + e.getMessage(), e, true, 1);
        }
    }

    /**
     * The column of the clientMessageIds: its name in any case, a byte-order mark or spaces around it ignored (8x8's
     * export format is not documented; a spreadsheet's save adds the mark); -1 without one.
     */
    static int idColumn(List<String> header) {
        for (int i = 0; header != null && i < header.size(); i++) {
            if (header.get(i).replace("\uFEFF", "").strip().equalsIgnoreCase("clientmessageid")) {
                return i;
            }
        }
        return -1;
    }

    /** One CSV record (RFC 4180: quoted fields may hold commas, quotes and line breaks), or null at the end. */
    static List<String> record(BufferedReader reader) throws IOException {
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            if (!quoted) {
                fields.add(field.toString());
                return fields;
            }
            line = reader.readLine();
            if (line == null) {
                fields.add(field.toString());
                return fields;
            }
            field.append('\n');
        }
    }

    /** Which document's operations: the ids are the same but for the Messaging Apps document's suffix. */
    private record Document(String prefix, String suffix) {
    }

    /** Builds a {@link LogExportRecords}. */
    public static final class Builder {
        private final Connect8x8Client client;
        private final Document document;
        private Duration exportLag = Duration.ofMinutes(15);
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration maxWait = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(Connect8x8Client client, String prefix, String suffix) {
            this.client = Objects.requireNonNull(client, "client");
            this.document = new Document(prefix, suffix);
        }

        /**
         * Sets how long after a message is created 8x8's export is sure to list it: an export covers a window only
         * once this much time has passed after the window's end. 8x8 does not document it; the default is cautious.
         *
         * @param lag the export lag (default 15 minutes); negative is refused with a {@link ValidationException}
         * @return this builder
         */
        public Builder exportLag(Duration lag) {
            if (lag.isNegative()) {
                throw new ValidationException("exportLag", "must not be negative");
            }
            this.exportLag = lag;
            return this;
        }

        /**
         * Sets how often a running export job is asked for its result, and how long it may take in all.
         *
         * @param interval between two polls (default 2 s)
         * @param max the longest wait for one job (default 10 minutes): past it the source fails and the chunk stays
         *     ambiguous
         * @return this builder
         */
        public Builder polling(Duration interval, Duration max) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            this.maxWait = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Sets the clock that says whether the export lag has passed (tests: a resume an hour after the crash).
         *
         * @param clock the clock (default: UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how the source waits between polls.
         *
         * @param sleeper how to wait (default: {@link Sleeper#SYSTEM})
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source
         */
        public LogExportRecords build() {
            return new LogExportRecords(this);
        }
    }
}
