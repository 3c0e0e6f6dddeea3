package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sms.SmsEncoding;
import io.connect8x8.sms.SmsParts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The facts 8x8 keeps of every message, for log exports and message details once the whole record has left the
 * {@link MessageStore}'s record window: 8x8 keeps its logs, so a simulator that forgot a message after 10,000 others
 * would make a reconciliation resend it.
 *
 * <p>Kept in primitive columns, in segments of {@value #SEGMENT} messages: per message the umid (16 bytes), the
 * creation time (8), the number (8), an index into a table of (API, sub-account, batchId, clientBatchId) (4, one row
 * per batch), the end of its clientMessageId in the segment's UTF-8 arena (4, complemented when it has none; plus the
 * id's bytes: 13 for {@code kill16-123456}), its status as an index into a table of distinct statuses (2), the status's
 * time (4) and the SMS encoding and part count (1, counted when the message was received): 47 bytes plus the id, about
 * 60 bytes for a campaign's message, 60 MB for a million. When a new segment would take it past the limit and one more
 * segment, the oldest is dropped and {@link #newestForgotten()} says how far back the log is no longer whole. A
 * message's segment is found by arithmetic; its umid through the segment's index, built at the first lookup once the
 * segment is full (8 bytes a message; a send does no work for it). Thread-safe: every column is read and written under
 * this object's lock, which never takes another.
 */
final class MessageLog {

    /** Messages per segment: the unit in which memory is taken and given back. */
    static final int SEGMENT = 1 << 16;

    /** A status as the details and the export show it. */
    record Status(String state, String detail, String errorCode, String errorMessage) {
    }

    /** Where a message was sent: shared by every message of a batch. */
    record Scope(Api api, String subAccountId, String batchId, String clientBatchId) {
    }

    /**
     * One message as the log knows it.
     *
     * @param seq its position since start
     * @param umid 8x8's id
     * @param scope API, sub-account and batch ids
     * @param createdAt when the simulator received it
     * @param msisdn the number (the log keeps its digits), or null
     * @param clientMessageId the client's id, or null
     * @param status its last status
     * @param statusAt the status's time
     * @param encoding the SMS encoding, null for a chat-app message
     * @param parts the SMS part count (at most 63 kept), 0 for a chat-app message
     */
    record Entry(long seq, String umid, Scope scope, Instant createdAt, String msisdn, String clientMessageId,
                 Status status, Instant statusAt, SmsEncoding encoding, int parts) {

        /**
         * Whether its parts are charged: an SMS, unless the API rejected it, it was cancelled before it was sent or
         * it expired before its scheduled time (the three statuses {@link MessageOps#statusOf} gives a message that
         * never left). The one rule of the details' and the export's price.
         *
         * @return whether it is charged
         */
        boolean charged() {
            return scope.api == Api.SMS && parts > 0 && !"rejected_by_api".equals(status.detail)
                    && !"cancelled".equals(status.detail) && !"expired".equals(status.detail);
        }

        /**
         * Returns the price of its parts, 0 when it is not charged.
         *
         * @return the price of its parts, 0 when it is not charged
         */
        double priceTotal() {
            return charged() ? Receipts.price(parts) : 0.0;
        }
    }

    private static final class Segment {
        final long[] umidHigh = new long[SEGMENT];
        final long[] umidLow = new long[SEGMENT];
        final long[] createdNanos = new long[SEGMENT];
        final long[] msisdn = new long[SEGMENT];
        final int[] scope = new int[SEGMENT];
        final int[] idEnd = new int[SEGMENT];
        final int[] statusMillis = new int[SEGMENT];
        final char[] status = new char[SEGMENT];
        final byte[] sms = new byte[SEGMENT];
        byte[] ids = new byte[SEGMENT * 8];
        long newestCreated = Long.MIN_VALUE;
        /** Open addressing, slot + 1 by the umid's hash, 0 for none; built at the first lookup once full. */
        int[] byUmid;

        /** The slot of a umid among the first {@code used}, or -1; through the index once the segment is full. */
        int slot(long high, long low, int used) {
            if (used < SEGMENT) {
                for (int slot = used - 1; slot >= 0; slot--) {
                    if (umidLow[slot] == low && umidHigh[slot] == high) {
                        return slot;
                    }
                }
                return -1;
            }
            if (byUmid == null) {
                byUmid = new int[2 * SEGMENT];
                for (int slot = 0; slot < SEGMENT; slot++) {
                    int at = hash(umidHigh[slot], umidLow[slot]);
                    while (byUmid[at] != 0) {
                        at = (at + 1) & (byUmid.length - 1);
                    }
                    byUmid[at] = slot + 1;
                }
            }
            for (int at = hash(high, low); byUmid[at] != 0; at = (at + 1) & (byUmid.length - 1)) {
                int slot = byUmid[at] - 1;
                if (umidLow[slot] == low && umidHigh[slot] == high) {
                    return slot;
                }
            }
            return -1;
        }

        /** The top bits of a Fibonacci hash: as many as index {@link #byUmid}'s {@code 2 * SEGMENT} places. */
        private static int hash(long high, long low) {
            return (Long.hashCode(high ^ low) * 0x9E3779B9) >>> (Integer.SIZE - 1 - Integer.numberOfTrailingZeros(
                    SEGMENT));
        }
    }

    private static final long NO_NUMBER = -1;

    private final long limit;
    /** Oldest first: the one of position {@code seq} is at {@code (seq - first) / SEGMENT}. */
    private final List<Segment> segments = new ArrayList<>();
    private long first;
    private long next;
    private Instant newestForgotten;
    private final List<Scope> scopes = new ArrayList<>();
    private final Map<Scope, Integer> scopeIndex = new HashMap<>();
    private final List<Status> statuses = new ArrayList<>();
    private final Map<Status, Character> statusIndex = new HashMap<>();
    /** The index of an accepted message's first status, once known: most messages have it. */
    private int accepted = -1;
    /** The scope of the last message appended: the messages of a batch come one after another. */
    private int lastScope = -1;

    /**
     * Makes an empty log.
     *
     * @param limit how many messages at least are kept (rounded up to whole segments)
     */
    MessageLog(long limit) {
        this.limit = Math.max(SEGMENT, (limit + SEGMENT - 1) / SEGMENT * SEGMENT);
    }

    /** The status of a message before any receipt, or of one the API rejected. */
    static Status initialStatus(Integer errorCode) {
        return errorCode == null ? new Status("queued", "accepted", "", "")
                : new Status("failed", "rejected_by_api", errorCode.toString(), "");
    }

    /**
     * Appends a message.
     *
     * @return its position
     */
    synchronized long append(MessageRecord message) {
        if (next % SEGMENT == 0 && next - first >= limit + SEGMENT) {
            // Once per segment: shifting a few dozen references is nothing beside the segment's 65,536 messages.
            Segment dropped = segments.remove(0);
            first += SEGMENT;
            Instant newest = instant(dropped.newestCreated);
            if (newestForgotten == null || newest.isAfter(newestForgotten)) {
                newestForgotten = newest;
            }
        }
        int slot = (int) (next % SEGMENT);
        if (slot == 0) {
            segments.add(new Segment());
        }
        Segment segment = segments.get(segments.size() - 1);
        UUID umid = uuid(message.umid);
        segment.umidHigh[slot] = umid.getMostSignificantBits();
        segment.umidLow[slot] = umid.getLeastSignificantBits();
        long created = nanos(message.createdAt);
        segment.createdNanos[slot] = created;
        segment.newestCreated = Math.max(segment.newestCreated, created);
        segment.msisdn[slot] = number(message.msisdn);
        segment.scope[slot] = scope(message);
        int start = slot == 0 ? 0 : end(segment.idEnd[slot - 1]);
        if (message.clientMessageId == null) {
            segment.idEnd[slot] = ~start;
        } else {
            byte[] id = message.clientMessageId.getBytes(StandardCharsets.UTF_8);
            if (start + id.length > segment.ids.length) {
                segment.ids = java.util.Arrays.copyOf(segment.ids, Math.max(segment.ids.length * 2,
                        start + id.length));
            }
            System.arraycopy(id, 0, segment.ids, start, id.length);
            segment.idEnd[slot] = start + id.length;
        }
        if (message.errorCode != null) {
            segment.status[slot] = status(initialStatus(message.errorCode));
        } else {
            if (accepted < 0) {
                accepted = status(initialStatus(null));
            }
            segment.status[slot] = (char) accepted;
        }
        SmsParts parts = message.parts;
        segment.sms[slot] = parts == null ? 0
                : (byte) ((parts.encoding() == SmsEncoding.UCS2 ? 0x80 : 0x40) | Math.min(parts.parts(), 63));
        return next++;
    }

    /** Records a message's new status (a receipt, a cancel); a message no longer kept is ignored. */
    synchronized void status(long seq, Status status, Instant at) {
        Segment segment = segment(seq);
        if (segment != null) {
            int slot = (int) (seq % SEGMENT);
            segment.status[slot] = status(status);
            long millis = (nanos(at) - segment.createdNanos[slot]) / 1_000_000;
            segment.statusMillis[slot] = (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
        }
    }

    /**
     * Returns the position of the oldest message kept.
     *
     * @return the position of the oldest message kept
     */
    synchronized long first() {
        return first;
    }

    /**
     * The newest creation time among the messages dropped from the log, or null when none was.
     *
     * @return the time, or null
     */
    synchronized Instant newestForgotten() {
        return newestForgotten;
    }

    /**
     * Splits the kept messages of an API and sub-account created in {@code [fromNanos, toNanos)} (and, when
     * {@code digits} is given, to that number; when {@code countries} is given, to one of them, see
     * {@link #country(long)}) into files of at most {@code perFile} rows, in arrival order.
     *
     * @param countries upper-case ISO 3166 alpha-2 codes, or null for every country
     * @param limit the most rows in all
     * @return each file's range of positions {@code [start, end)}
     */
    synchronized List<long[]> plan(Api api, String subAccountId, long fromNanos, long toNanos, String digits,
                                   Set<String> countries, long limit, int perFile) {
        List<long[]> files = new ArrayList<>();
        long rows = 0;
        long start = -1;
        long last = -1;
        int inFile = 0;
        long base = first;
        for (Segment segment : segments) {
            int used = (int) Math.min(SEGMENT, next - base);
            for (int slot = 0; slot < used && rows < limit; slot++) {
                if (matches(segment, slot, api, subAccountId, fromNanos, toNanos, digits, countries)) {
                    if (inFile == 0) {
                        start = base + slot;
                    }
                    rows++;
                    last = base + slot;
                    if (++inFile == perFile) {
                        files.add(new long[] {start, base + slot + 1});
                        inFile = 0;
                    }
                }
            }
            base += SEGMENT;
        }
        if (inFile > 0) {
            files.add(new long[] {start, last + 1});
        }
        return files;
    }

    /**
     * The kept messages at positions {@code [from, to)} that match, as for {@link #plan}, in order.
     *
     * @param countries upper-case ISO 3166 alpha-2 codes, or null for every country
     * @return the entries
     */
    synchronized List<Entry> entries(long from, long to, Api api, String subAccountId, long fromNanos, long toNanos,
                                     String digits, Set<String> countries) {
        List<Entry> found = new ArrayList<>();
        for (long seq = Math.max(from, first); seq < Math.min(to, next); seq++) {
            Segment segment = segment(seq);
            if (matches(segment, (int) (seq % SEGMENT), api, subAccountId, fromNanos, toNanos, digits, countries)) {
                found.add(entry(seq));
            }
        }
        return found;
    }

    private boolean matches(Segment segment, int slot, Api api, String subAccountId, long fromNanos, long toNanos,
                            String digits, Set<String> countries) {
        long created = segment.createdNanos[slot];
        if (created < fromNanos || created >= toNanos) {
            return false;
        }
        Scope scope = scopes.get(segment.scope[slot]);
        if (scope.api != api || !scope.subAccountId.equals(subAccountId)) {
            return false;
        }
        return (digits == null || digits.equals(Long.toString(segment.msisdn[slot])))
                && (countries == null || countries.contains(country(segment.msisdn[slot])));
    }

    /**
     * The country a message was sent to, from its number's calling code (and, where a code is shared, such as +1,
     * the number's own range): the log keeps the number, not the request's {@code country}. A number the request
     * gave in national format (with {@code country}) is taken as international here, so a filter by country may
     * miss it.
     *
     * @return the ISO 3166 alpha-2 code, or "" when the number has no country
     */
    static String country(long number) {
        return number == NO_NUMBER ? "" : country("+" + number, "ZZ");
    }

    /**
     * The country of a number as a request gave it: international (with {@code +}, or without when no region is
     * given), else national in {@code region}.
     *
     * @param number the number as sent
     * @param region the ISO 3166 alpha-2 code a national number is read in, or "ZZ" for none
     * @return the ISO 3166 alpha-2 code, or "" when the number has no country
     */
    static String country(String number, String region) {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        try {
            com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed = util.parse(number, region);
            String found = util.getRegionCodeForNumber(parsed);
            if (found == null || "ZZ".equals(found)) {
                found = util.getRegionCodeForCountryCode(parsed.getCountryCode());
            }
            return "ZZ".equals(found) ? "" : found;
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return "";
        }
    }

    /**
     * The position of a kept message by its umid, or -1: newest segment first, each by its index.
     *
     * @return the position, or -1
     */
    synchronized long find(Api api, String subAccountId, String umid) {
        UUID id = uuid(umid);
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment segment = segments.get(i);
            long base = first + (long) i * SEGMENT;
            int slot = segment.slot(id.getMostSignificantBits(), id.getLeastSignificantBits(),
                    (int) Math.min(SEGMENT, next - base));
            if (slot >= 0) {
                Scope scope = scopes.get(segment.scope[slot]);
                if (scope.api == api && scope.subAccountId.equals(subAccountId)) {
                    return base + slot;
                }
            }
        }
        return -1;
    }

    /**
     * A kept message, or null.
     *
     * @return the entry, or null when it is not kept
     */
    synchronized Entry entry(long seq) {
        Segment segment = segment(seq);
        if (segment == null) {
            return null;
        }
        int slot = (int) (seq % SEGMENT);
        int end = segment.idEnd[slot];
        int start = slot == 0 ? 0 : end(segment.idEnd[slot - 1]);
        String clientMessageId = end < 0 ? null : new String(segment.ids, start, end - start, StandardCharsets.UTF_8);
        long created = segment.createdNanos[slot];
        byte sms = segment.sms[slot];
        SmsEncoding encoding = sms == 0 ? null : (sms & 0x80) != 0 ? SmsEncoding.UCS2 : SmsEncoding.GSM7;
        long number = segment.msisdn[slot];
        return new Entry(seq, new UUID(segment.umidHigh[slot], segment.umidLow[slot]).toString(),
                scopes.get(segment.scope[slot]), instant(created), number == NO_NUMBER ? null : Long.toString(number),
                clientMessageId, statuses.get(segment.status[slot]),
                instant(created + segment.statusMillis[slot] * 1_000_000L), encoding, sms & 0x3F);
    }

    /** Forgets everything. */
    synchronized void clear() {
        segments.clear();
        first = 0;
        next = 0;
        newestForgotten = null;
        scopes.clear();
        scopeIndex.clear();
        statuses.clear();
        statusIndex.clear();
        accepted = -1;
        lastScope = -1;
    }

    private Segment segment(long seq) {
        if (seq < first || seq >= next) {
            return null;
        }
        return segments.get((int) ((seq - first) / SEGMENT));
    }

    /** The end of an id in the arena; a message without an id stores its start, complemented. */
    private static int end(int stored) {
        return stored < 0 ? ~stored : stored;
    }

    private int scope(MessageRecord message) {
        if (lastScope >= 0) {
            Scope last = scopes.get(lastScope);
            if (last.api == message.api && last.subAccountId.equals(message.subAccountId)
                    && java.util.Objects.equals(last.batchId, message.batchId)
                    && java.util.Objects.equals(last.clientBatchId, message.clientBatchId)) {
                return lastScope;
            }
        }
        lastScope = scope(new Scope(message.api, message.subAccountId, message.batchId, message.clientBatchId));
        return lastScope;
    }

    private int scope(Scope scope) {
        Integer index = scopeIndex.get(scope);
        if (index == null) {
            index = scopes.size();
            scopes.add(scope);
            scopeIndex.put(scope, index);
        }
        return index;
    }

    private char status(Status status) {
        Character index = statusIndex.get(status);
        if (index == null) {
            if (statuses.size() >= Character.MAX_VALUE) {
                // 65,535 distinct statuses cannot happen with the simulator's receipts; keep the first.
                return 0;
            }
            index = (char) statuses.size();
            statuses.add(status);
            statusIndex.put(status, index);
        }
        return index;
    }

    private static UUID uuid(String umid) {
        try {
            return UUID.fromString(umid);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static long number(String msisdn) {
        if (msisdn == null) {
            return NO_NUMBER;
        }
        String digits = TestNumbers.digits(msisdn);
        if (digits.isEmpty() || digits.length() > 18 || digits.charAt(0) == '0') {
            return NO_NUMBER;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return NO_NUMBER;
            }
        }
        return Long.parseLong(digits);
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
