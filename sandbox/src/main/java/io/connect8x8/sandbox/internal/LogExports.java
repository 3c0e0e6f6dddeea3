package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.TestNumbers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Log export jobs of both APIs ({@code start-log-export-job}, {@code get-log-export-job-result},
 * {@code cancel-log-export-job}): a job takes the sub-account's messages created in {@code [from, to)} (on the
 * simulator's clock; {@code from} by default the start of the UTC day 7 days back, the documents' default, {@code to}
 * by default open; each a date-time with or without offset or a date, see {@link DocumentedFormats#instant}; with
 * {@code phoneNumber}, only that number's; with {@code countries}, only those sent to one of them, by the number's
 * calling code, see {@link MessageLog#country(long)}) from the {@link MessageLog}, which keeps every message (8x8
 * keeps its logs), as CSV files of at most {@value #ROWS_PER_FILE} rows with the columns the SMS document lists, in
 * that order. A message still in the record window is written whole; an older one from the log's facts, with the
 * {@code source} column empty and the {@code country} read from its number alone. The job is done when started: its
 * result is {@code succeeded} with one link per file under {@code /__files/exports/} (each written when downloaded),
 * or {@code empty}; cancelled jobs answer {@code cancelled}, and a job reaching back past what the log still keeps
 * {@code failed}.
 */
final class LogExports {

    /** Rows per exported file: a million-message export is ten downloads of about 15 MB. */
    static final int ROWS_PER_FILE = 100_000;

    /** The columns of the SMS document's "SMS Logs files format", in its order. */
    static final List<String> COLUMNS = List.of("umid", "subaccountid", "direction", "country", "operator", "mcc",
            "mnc", "status_value", "status_details", "status_errorcode", "status_errormessage", "status_timestamp",
            "msisdn", "source", "encoding", "createdat", "smscount", "price_currency", "price_persms", "price_total",
            "clientmessageid", "clientbatchid", "batchid", "body");

    private final MessageOps messages;
    private final java.time.Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    private record Job(Api api, String subAccountId, long fromNanos, long toNanos, String phone,
                       java.util.Set<String> countries, List<long[]> files, Instant created, boolean cancelled,
                       boolean incomplete) {
    }

    LogExports(MessageOps messages, java.time.Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code POST .../messages/exports}: 202 with the job's id. */
    Answer start(Api api, Call call) {
        JsonNode request = call.body().length == 0 ? Json.object() : call.json();
        Instant from = time(request, "from");
        if (from == null) {
            // The documents' default: "UTC today - 7 days".
            from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(7).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        Instant to = time(request, "to");
        String phone = request.path("phoneNumber").isTextual()
                ? TestNumbers.digits(request.get("phoneNumber").textValue()) : null;
        int limit = request.path("limit").canConvertToInt() && request.get("limit").asInt() > 0
                ? request.get("limit").asInt() : Integer.MAX_VALUE;
        String subAccountId = call.param("subAccountId");
        long fromNanos = MessageLog.nanos(from);
        long toNanos = to == null ? Long.MAX_VALUE : MessageLog.nanos(to);
        // "The list of two-letter ISO 3166 country codes that the message has been sent to"; none, or an empty list,
        // is every country.
        java.util.Set<String> countries = null;
        if (request.path("countries").isArray() && !request.get("countries").isEmpty()) {
            countries = new java.util.HashSet<>();
            for (JsonNode country : request.get("countries")) {
                countries.add(country.asText().toUpperCase(java.util.Locale.ROOT));
            }
        }
        List<long[]> files = messages.log().plan(api, subAccountId, fromNanos, toNanos, phone, countries, limit,
                ROWS_PER_FILE);
        String jobId = (Engine.newId() + Engine.newId()).replace("-", "");
        // A window reaching back to messages the log dropped cannot be exported whole: the job fails rather than
        // list only part of it (a reconciliation would take the missing ones as never sent).
        jobs.put(jobId, new Job(api, subAccountId, fromNanos, toNanos, phone, countries, files, clock.instant(), false,
                !messages.windowComplete(from)));
        return Answer.json(202, Json.object().put("jobId", jobId));
    }

    /** {@code GET .../messages/exports/{jobId}}. */
    Answer result(Api api, Call call) {
        Job job = job(api, call);
        ObjectNode result = Json.object();
        if (job.cancelled) {
            result.put("status", "cancelled");
        } else if (job.incomplete) {
            result.put("status", "failed");
        } else if (job.files.isEmpty()) {
            result.put("status", "empty");
        } else {
            result.put("status", "succeeded");
            ArrayNode data = result.putArray("data");
            for (int i = 0; i < job.files.size(); i++) {
                data.add(call.rootUrl() + "/__files/exports/" + call.param("jobId")
                        + (job.files.size() == 1 ? "" : "-" + (i + 1)) + ".csv");
            }
            result.put("expires", Json.timestamp(job.created.plus(30, ChronoUnit.DAYS)));
        }
        return Answer.ok(result);
    }

    /** {@code DELETE .../messages/exports/{jobId}}: 204. */
    Answer cancel(Api api, Call call) {
        Job job = job(api, call);
        jobs.put(call.param("jobId"), new Job(job.api, job.subAccountId, job.fromNanos, job.toNanos, job.phone,
                job.countries, job.files, job.created, true, job.incomplete));
        return Answer.empty(204);
    }

    /**
     * One CSV file of a job that was not cancelled, written now: {@code <jobId>} for a job of one file,
     * {@code <jobId>-<n>} (from 1) for the n-th of several.
     *
     * @param name the file's name without {@code .csv}
     * @return the UTF-8 CSV, or null
     */
    byte[] file(String name) {
        int dash = name.indexOf('-');
        Job job = jobs.get(dash < 0 ? name : name.substring(0, dash));
        if (job == null || job.cancelled || job.incomplete) {
            return null;
        }
        int index;
        try {
            index = dash < 0 ? 0 : Integer.parseInt(name.substring(dash + 1)) - 1;
        } catch (NumberFormatException e) {
            return null;
        }
        if (index < 0 || index >= job.files.size() || (dash < 0) != (job.files.size() == 1)) {
            return null;
        }
        long[] range = job.files.get(index);
        Map<Long, MessageRecord> whole = messages.store().whole(range[0], range[1]);
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (MessageLog.Entry entry : messages.log().entries(range[0], range[1], job.api, job.subAccountId,
                job.fromNanos, job.toNanos, job.phone, job.countries)) {
            MessageRecord record = whole.get(entry.seq());
            csv.append(record != null ? row(record) : row(entry, entry.msisdn() == null ? ""
                    : MessageLog.country("+" + entry.msisdn(), "ZZ"), "")).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    void clear() {
        jobs.clear();
    }

    private Job job(Api api, Call call) {
        Job job = jobs.get(call.param("jobId"));
        if (job == null || job.api != api || !job.subAccountId.equals(call.param("subAccountId"))) {
            // The code and message of the documents' 404 example (both APIs, result and cancel), not 1300.
            throw new ApiError(404, 4018, "Invalid jobId");
        }
        return job;
    }

    private static Instant time(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        Instant time = DocumentedFormats.instant(value.textValue());
        if (time == null) {
            throw ApiError.badRequest(1000, "Invalid parameter " + field);
        }
        return time;
    }

    /** A message still in the record window: its facts, and the columns only the whole record has. */
    private static String row(MessageRecord message) {
        JsonNode request = message.request();
        return row(MessageOps.facts(message), country(message),
                message.api == Api.SMS ? request.path("source").asText("") : "");
    }

    /**
     * The {@code country} column, "Country of destination of the message" (the SMS document's "SMS Logs files
     * format"): the number's country, a number without {@code +} read in the request's {@code country} (SMS) or
     * {@code user.country} (Messaging Apps) when it gave one, as the documents describe that field.
     */
    private static String country(MessageRecord message) {
        if (MessageOps.number(message) == null) {
            return "";
        }
        JsonNode given = message.api == Api.SMS ? message.request().path("country")
                : message.request().path("user").path("country");
        boolean national = given.isTextual() && given.textValue().length() == 2 && !message.msisdn.startsWith("+");
        return MessageLog.country(national || message.msisdn.startsWith("+") ? message.msisdn
                : "+" + message.msisdn, national ? given.textValue().toUpperCase(java.util.Locale.ROOT) : "ZZ");
    }

    /** A message's row from its facts, whichever record they come from (the log keeps no source). */
    private static String row(MessageLog.Entry message, String country, String source) {
        boolean sms = message.scope().api() == Api.SMS;
        MessageLog.Status status = message.status();
        return line(new String[] {
            message.umid(), message.scope().subAccountId(), "1", country, "", "", "",
            status.state(), status.detail(), status.errorCode(), status.errorMessage(),
            Json.timestamp(message.statusAt()), MessageOps.masked(message.msisdn()), source,
            message.encoding() != null ? message.encoding().name() : "", Json.timestamp(message.createdAt()),
            message.parts() > 0 ? Integer.toString(message.parts()) : "", sms ? AccountState.CURRENCY : "",
            sms ? Double.toString(Receipts.PRICE_PER_SMS) : "",
            message.charged() ? Double.toString(message.priceTotal()) : "",
            nullToEmpty(message.clientMessageId()), nullToEmpty(message.scope().clientBatchId()),
            nullToEmpty(message.scope().batchId()), "**MASKED**"
        });
    }

    private static String line(String[] values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(csv(values[i]));
        }
        return row.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
