package io.connect8x8;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An 8x8 error code: the {@code code} of the error envelope as a value, to compare with a named constant rather than
 * a number copied from 8x8's pages ({@link ApiErrorException#errorCode()}). Each constant's comment gives the HTTP
 * status 8x8 answers it with; {@link #description()} its meaning.
 *
 * <pre>{@code
 * catch (ApiErrorException e) {
 *     if (e.errorCode().filter(ErrorCode.INVALID_MSISDN::equals).isPresent()) {
 *         // tell the user the number is wrong
 *     }
 * }
 * }</pre>
 *
 * <p>Open: {@link #of(int)} gives a value for any number, and one 8x8's documents do not name still carries its
 * number, with {@link #isKnown()} false; two values of {@link #of(int)} are equal when their numbers are. Where 8x8
 * gives one meaning several codes (3024 to 3026, 3031 and 3032, 3036 and 3037), the first has the constant.
 *
 * @param code the code's number, as 8x8 sent it
 * @param description what 8x8's documents say the code means, in a few words; null for a code they do not name
 */
public record ErrorCode(int code, String description) implements Comparable<ErrorCode> {

    /** Every known code by number; filled by {@link #known} as the constants initialise, before any lookup. */
    private static final Map<Integer, ErrorCode> KNOWN = new TreeMap<>();

    /** 1000, HTTP 400. */
    public static final ErrorCode INVALID_PARAMETER = known(1000, "a parameter is invalid");
    /** 1001, HTTP 400/403. */
    public static final ErrorCode SUBACCOUNT_NOT_YOURS =
            known(1001, "the subAccountId does not belong to the account of the key");
    /** 1002, HTTP 400. */
    public static final ErrorCode INVALID_MSISDN = known(1002, "the destination is not a valid phone number");
    /** 1003, HTTP 400. */
    public static final ErrorCode INVALID_ENCODING = known(1003, "the encoding is invalid");
    /** 1004, HTTP 400. */
    public static final ErrorCode INVALID_TEXT = known(1004, "the text is invalid");
    /** 1005, HTTP 400. */
    public static final ErrorCode INVALID_SOURCE = known(1005, "the source (sender id) is invalid");
    /** 1006, HTTP 400. */
    public static final ErrorCode INVALID_EXPIRY = known(1006, "the expiry is invalid");
    /** 1009, HTTP 400. */
    public static final ErrorCode INVALID_COUNTRY = known(1009, "the country is invalid");
    /** 1010, HTTP 400. */
    public static final ErrorCode OUT_OF_RANGE = known(1010, "a value is out of range");
    /** 1011, HTTP 400. */
    public static final ErrorCode INVALID_SCHEDULE = known(1011, "the schedule time is invalid");
    /** 1014, HTTP 426. */
    public static final ErrorCode TLS_1_3_REQUIRED = known(1014, "TLS 1.3 is required");
    /** 1200, HTTP 401. */
    public static final ErrorCode UNAUTHORIZED = known(1200, "the request was not authenticated properly");
    /** 1201, HTTP 403. */
    public static final ErrorCode WRONG_REGION =
            known(1201, "access forbidden: the account is provisioned in another region");
    /** 1300, HTTP 404. */
    public static final ErrorCode NOT_FOUND = known(1300, "not found");
    /** 429, HTTP 429. */
    public static final ErrorCode QUOTA_EXCEEDED =
            known(429, "quota exceeded: retry after the Retry-After header's seconds");
    /** 2000, HTTP 500. */
    public static final ErrorCode INTERNAL_ERROR = known(2000, "an internal error of 8x8");
    /** 3001, HTTP 400. */
    public static final ErrorCode USER_MISSING = known(3001, "the user is missing");
    /** 3002, HTTP 400. */
    public static final ErrorCode MSISDN_MISSING = known(3002, "the user's msisdn is missing");
    /** 3003, HTTP 400. */
    public static final ErrorCode MSISDN_INVALID = known(3003, "the user's msisdn is invalid");
    /** 3004, HTTP 400. */
    public static final ErrorCode CONTENT_MISSING = known(3004, "the content is missing");
    /** 3005, HTTP 400. */
    public static final ErrorCode TEXT_MISSING = known(3005, "the text is missing");
    /** 3006, HTTP 400. */
    public static final ErrorCode TEXT_TOO_LONG = known(3006, "the text is too long");
    /** 3007, HTTP 400. */
    public static final ErrorCode MEDIA_URL_MISSING = known(3007, "the media URL is missing");
    /** 3008, HTTP 400. */
    public static final ErrorCode MEDIA_URL_INVALID = known(3008, "the media URL is invalid");
    /** 3009, HTTP 400. */
    public static final ErrorCode CLIENT_MESSAGE_ID_TOO_LONG = known(3009, "the clientMessageId is too long");
    /** 3010, HTTP 400. */
    public static final ErrorCode CONTENT_TYPE_INVALID = known(3010, "the content type is invalid");
    /** 3012, HTTP 400. */
    public static final ErrorCode MESSAGES_MISSING = known(3012, "the batch has no messages");
    /** 3013, HTTP 400. */
    public static final ErrorCode TOO_MANY_MESSAGES = known(3013, "the batch has too many messages");
    /** 3014, HTTP 400. */
    public static final ErrorCode CLIENT_BATCH_ID_TOO_LONG = known(3014, "the clientBatchId is too long");
    /** 3017, HTTP 400. */
    public static final ErrorCode FALLBACK_TEXT_TOO_LONG = known(3017, "the fallback text is too long");
    /** 3020, HTTP 400. */
    public static final ErrorCode DLR_CALLBACK_URL_INVALID =
            known(3020, "the delivery receipt callback URL is invalid");
    /** 3021, HTTP 400. */
    public static final ErrorCode LOCATION_INVALID = known(3021, "the location is empty or invalid");
    /** 3022, HTTP 400. */
    public static final ErrorCode FALLBACK_CHANNEL_INVALID = known(3022, "the fallback channel is invalid");
    /** 3023, HTTP 400. */
    public static final ErrorCode FALLBACK_DELAY_OUT_OF_RANGE =
            known(3023, "the fallback delay (fallbackAfter) is out of range");
    /** 3024, HTTP 400. */
    public static final ErrorCode FALLBACK_STATUS_INVALID = known(3024, "the fallback status is invalid");
    /** 3030, HTTP 400. */
    public static final ErrorCode TEMPLATE_EMPTY = known(3030, "the template is empty");
    /** 3031, HTTP 400. */
    public static final ErrorCode TEMPLATE_NAME_INVALID = known(3031, "the template name is invalid");
    /** 3033, HTTP 400. */
    public static final ErrorCode TOO_MANY_TEMPLATE_PARAMETERS = known(3033, "the template has too many parameters");
    /** 3034, HTTP 400. */
    public static final ErrorCode COMPONENT_COMBINATION_INVALID =
            known(3034, "the template's combination of components is invalid");
    /** 3036, HTTP 400. */
    public static final ErrorCode TEMPLATE_LANGUAGE_INVALID = known(3036, "the template language is empty or invalid");
    /** 3038, HTTP 400. */
    public static final ErrorCode TEMPLATE_NOT_FOUND = known(3038, "no approved template has that name and language");
    /** 3039, HTTP 400. */
    public static final ErrorCode COMPONENT_TYPE_INVALID = known(3039, "a template component's type is invalid");
    /** 3040, HTTP 400. */
    public static final ErrorCode TEMPLATE_PARAMETERS_MISSING =
            known(3040, "the template needs parameters but none were sent");
    /** 3041, HTTP 400. */
    public static final ErrorCode TEMPLATE_PARAMETER_COUNT_WRONG =
            known(3041, "the number of template parameters is wrong");
    /** 3042, HTTP 400. */
    public static final ErrorCode PARAMETER_TYPE_INVALID = known(3042, "a template parameter's type is invalid");
    /** 3043, HTTP 400. */
    public static final ErrorCode TEXT_PARAMETER_TOO_LONG = known(3043, "a text parameter is too long");
    /** 3046, HTTP 400. */
    public static final ErrorCode URL_PARAMETER_INVALID = known(3046, "a URL parameter is invalid");
    /** 3049, HTTP 400. */
    public static final ErrorCode BUTTON_PARAMETER_INVALID = known(3049, "a button parameter is invalid");
    /** 3052, HTTP 400. */
    public static final ErrorCode BUTTON_SUB_TYPE_INVALID = known(3052, "a button's subType is invalid");
    /** 3053, HTTP 400. */
    public static final ErrorCode BUTTON_INDEX_INVALID = known(3053, "a button's index is invalid");

    static {
        // Codes that share a meaning with the constant before them: known, without a constant of their own.
        known(3025, FALLBACK_STATUS_INVALID.description);
        known(3026, FALLBACK_STATUS_INVALID.description);
        known(3032, TEMPLATE_NAME_INVALID.description);
        known(3037, TEMPLATE_LANGUAGE_INVALID.description);
    }

    private static ErrorCode known(int code, String description) {
        ErrorCode value = new ErrorCode(code, description);
        KNOWN.put(code, value);
        return value;
    }

    /**
     * The value of a number: the table's when it knows the code, else a value that carries only the number.
     *
     * @param code 8x8's code, as the error envelope gives it
     * @return the value, never null
     */
    public static ErrorCode of(int code) {
        ErrorCode known = KNOWN.get(code);
        return known != null ? known : new ErrorCode(code, null);
    }

    /** {@return every code the table knows, in ascending order, unmodifiable} */
    public static Collection<ErrorCode> knownCodes() {
        return Collections.unmodifiableCollection(KNOWN.values());
    }

    /** {@return false for a code 8x8's documents did not name when this version was made} */
    public boolean isKnown() {
        return description != null;
    }

    /** {@return the meaning in a few words, {@code "unknown"} for a code the table does not know} */
    @Override
    public String description() {
        return description != null ? description : "unknown";
    }

    /** Orders by number. */
    @Override
    public int compareTo(ErrorCode other) {
        return Integer.compare(code, other.code);
    }

    /** {@return the number and its meaning, such as {@code 1002 (the destination is not a valid phone number)}} */
    @Override
    public String toString() {
        return code + " (" + description() + ")";
    }
}
