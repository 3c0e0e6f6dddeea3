package io.connect8x8.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.connect8x8.ValidationException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Field checks shared by every builder, made before any network I/O because the API refuses bad input with a less
 * precise error after a round trip: each failure is a {@link ValidationException} naming the field.
 */
public final class Checks {

    private static final Pattern SUB_ACCOUNT_ID = Pattern.compile("^[A-Za-z0-9\\-._&]{3,50}$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> REGIONS = PHONES.getSupportedRegions();
    /** The longest timeout or wait: OkHttp keeps timeouts as whole milliseconds in an int (about 24.8 days). */
    public static final Duration MAX_DURATION = Duration.ofMillis(Integer.MAX_VALUE);

    private Checks() {
    }

    /**
     * Checks that a message expires after it is scheduled (both optional); the pipeline checks them against the
     * clock when sending.
     *
     * @param field the expiry's field path
     * @param scheduled when it is scheduled, or null
     * @param expiry when it expires, or null
     * @throws ValidationException when it would expire before it is sent, or after the year 9999
     */
    public static void expiryAfterScheduled(String field, OffsetDateTime scheduled, OffsetDateTime expiry) {
        if (expiry != null && scheduled != null && !expiry.isAfter(scheduled)) {
            throw new ValidationException(field, "must be after scheduled");
        }
        // RFC 3339 date-times have 4-digit years; Java writes "+10000-01-01T...", which no server reads.
        if (expiry != null && expiry.getYear() > 9999) {
            throw new ValidationException(field, "must be before the year 10000");
        }
    }

    /**
     * Requires a non-blank text of at most {@code max} characters.
     *
     * @param field the field, for the error
     * @param value the text as given
     * @param max the most characters the field takes
     * @return the text, unchanged
     * @throws ValidationException when the text is null, blank, longer than {@code max} or has a lone surrogate
     */
    public static String text(String field, String value, int max) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new ValidationException(field, "is " + value.length() + " characters; at most " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            // Half an emoji, cut by a substring: UTF-8 cannot carry it and would send '?'. A loop, not a stream:
            // every message's text passes here.
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException(field, "holds a lone surrogate (half of a character such as an emoji)");
            }
        }
        return value;
    }

    /**
     * Checks an optional text as {@link #text} does when present: empty is refused because the API would read an
     * empty string as a value.
     *
     * @param field the field, for the error
     * @param value the text as given, or null when not set
     * @param max the most characters the field takes
     * @return the text, unchanged, or null
     * @throws ValidationException when the text is blank or longer than {@code max}
     */
    public static String optionalText(String field, String value, int max) {
        return value == null ? null : text(field, value, max);
    }

    /**
     * Checks a sub-account id against 8x8's pattern, since it goes into the URL path where a bad one would surface as
     * a confusing 404; the error gives the id's length, not the id.
     *
     * @param field the field, for the error
     * @param value the id as given
     * @return the id, unchanged
     * @throws ValidationException when the id is missing or not 3 to 50 of letters, digits and {@code - . _ &}
     */
    public static String subAccountId(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(field, "is required");
        }
        if (!SUB_ACCOUNT_ID.matcher(value).matches()) {
            throw new ValidationException(field, "must be 3 to 50 letters, digits or - . _ & (was "
                    + value.length() + " characters)");
        }
        return value;
    }

    /**
     * Normalises a phone number to E.164: one starting with {@code +} or {@code 00} is international, any other
     * needs {@code country}. The check is libphonenumber's "possible number", not a carrier lookup, so test numbers
     * pass.
     *
     * @param field the field, for the error
     * @param number the number as given
     * @param country an ISO 3166 alpha-2 country for national numbers, or null
     * @return the E.164 form
     * @throws ValidationException when the number is missing or not a possible number
     */
    public static String phone(String field, String number, String country) {
        if (number == null || number.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        String trimmed = number.strip();
        if (!phoneCharacters(trimmed)) {
            throw new ValidationException(field, "must be a phone number of digits, optionally starting with +");
        }
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
        String region = international ? "ZZ" : country == null ? null : country.toUpperCase(Locale.ROOT);
        if (region == null) {
            throw new ValidationException(field,
                    "must be in E.164 form (+ and country code), or national with a country set");
        }
        try {
            String parsed = trimmed.startsWith("00") ? "+" + trimmed.substring(2) : trimmed;
            PhoneNumber phone = international ? StrictE164.parse(parsed) : null;
            if (phone == null) {
                phone = PHONES.parse(parsed, region);
            }
            if (!PHONES.isPossibleNumber(phone)) {
                throw new ValidationException(field, "is not a possible phone number ("
                        + PHONES.isPossibleNumberWithReason(phone).name().toLowerCase(Locale.ROOT) + ")");
            }
            return PHONES.format(phone, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new ValidationException(field, "is not a phone number ("
                    + e.getErrorType().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** The characters a phone number may be written with, 3 to 32 of them; a scan, not a regular expression. */
    private static boolean phoneCharacters(String s) {
        if (s.length() < 3 || s.length() > 32) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '+' && c != ' ' && c != '(' && c != ')' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks an ISO 3166 alpha-2 country code against the regions libphonenumber knows, since it reads national
     * numbers.
     *
     * @param field the field, for the error
     * @param value the code in any case, or null when not set
     * @return the upper-case code, or null for null
     * @throws ValidationException when the code is not a known region
     */
    public static String country(String field, String value) {
        if (value == null) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!REGIONS.contains(upper)) {
            throw new ValidationException(field, "must be an ISO 3166 alpha-2 country code such as SG or US");
        }
        return upper;
    }

    /**
     * Checks an absolute http or https URL with a host; spaces and control characters are refused rather than trimmed
     * or escaped, so what is sent is what was given.
     *
     * @param field the field, for the error
     * @param value the URL as given
     * @return the URL as given
     * @throws ValidationException when the URL is missing, not absolute http(s), or holds spaces or control characters
     */
    public static String url(String field, String value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        HttpUrl parsed = HttpUrl.parse(value.strip());
        if (parsed == null || value.strip().length() != value.length()
                || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ValidationException(field, "must be an absolute http:// or https:// URL");
        }
        return value;
    }

    /**
     * Checks an optional URL as {@link #url} does when it is present.
     *
     * @param field the field, for the error
     * @param value the URL as given, or null when not set
     * @return the URL as given, or null
     * @throws ValidationException when the URL is present and not valid
     */
    public static String optionalUrl(String field, String value) {
        return value == null ? null : url(field, value);
    }

    /**
     * Checks a base URL: https anywhere, plain http only to a loopback host (the simulator, a local proxy), so the
     * key never crosses a network in clear; user info is refused, and not echoed, since that is where a key would be.
     *
     * @param field the field, for the error
     * @param value the URL as given
     * @return the URL without a trailing slash
     * @throws ValidationException when the URL is missing or malformed, carries user info, or is plain http to a
     *     host that is not loopback
     */
    public static String baseUrl(String field, String value) {
        HttpUrl parsed = value == null ? null : HttpUrl.parse(value.strip());
        if (parsed == null) {
            throw new ValidationException(field, "must be an absolute http:// or https:// URL");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw new ValidationException(field, "must not carry user info (a name or password before @); give the"
                    + " key with apiKey(..), never in a URL");
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            throw new ValidationException(field, "plain http is allowed only for loopback hosts; use https");
        }
        String text = value.strip();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * {@return whether a base URL's host is loopback (the simulator, MockWebServer)}, by its literal form only
     *
     * @param url a base URL as given, or null
     */
    public static boolean isLoopbackUrl(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        return parsed != null && isLoopback(parsed.host());
    }

    /** Literal loopback forms only: a check made while building a client must not block on a DNS lookup. */
    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        // 127.x only as an IPv4 literal: a name such as 127.0.0.1.example.com resolves anywhere.
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || h.equals("::1") || h.equals("[::1]") || h.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * Checks a count is within 1 to {@code max}, such as the messages of a batch.
     *
     * @param field the field, for the error
     * @param size the count
     * @param max the most the API takes
     * @throws ValidationException when the count is 0 or above {@code max}
     */
    public static void size(String field, int size, int max) {
        if (size == 0) {
            throw new ValidationException(field, "must not be empty");
        }
        if (size > max) {
            throw new ValidationException(field, "has " + size + " entries; at most " + max);
        }
    }
}
