package io.connect8x8;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An 8x8 error code: the {@code code} of the error envelope ({@code {"code", "message", "errorId", "timestamp"}})
 * as a value, so that code compares it to a named constant rather than to a number copied from 8x8's pages. Reach it
 * from any failure with {@link ApiErrorException#errorCode()}:
 *
 * <pre>{@code
 * catch (ApiErrorException e) {
 *     if (e.errorCode().filter(ErrorCode.INVALID_MSISDN::equals).isPresent()) {
 *         // tell the user the number is wrong
 *     }
 * }
 * }</pre>
 *
 * <p>Open: {@link #of(int)} gives a value for any number, and one the table below does not know (a code 8x8 added
 * later, or one its documents do not name) still carries its number, with {@link #isKnown()} false. Two values are
 * equal when their numbers are. The code is 8x8's, not the HTTP status, except for 429. The table lists the codes
 * named by 8x8's documents (its OpenAPI documents and error pages); where 8x8 gives one meaning several codes (3024
 * to 3026, 3031 and 3032, 3036 and 3037), the first has the constant and the others are known by {@link #of(int)}.
 *
 * <table class="striped">
 *   <caption>The codes 8x8's documents name</caption>
 *   <thead><tr><th scope="col">code</th><th scope="col">HTTP</th><th scope="col">constant</th>
 *   <th scope="col">meaning</th></tr></thead>
 *   <tbody>
 *   <tr><td>1000</td><td>400</td><td>{@link #INVALID_PARAMETER}</td><td>a parameter is invalid</td></tr>
 *   <tr><td>1001</td><td>400/403</td><td>{@link #SUBACCOUNT_NOT_YOURS}</td><td>the subAccountId does not belong to the account of the key</td></tr>
 *   <tr><td>1002</td><td>400</td><td>{@link #INVALID_MSISDN}</td><td>the destination is not a valid phone number</td></tr>
 *   <tr><td>1003</td><td>400</td><td>{@link #INVALID_ENCODING}</td><td>the encoding is invalid</td></tr>
 *   <tr><td>1004</td><td>400</td><td>{@link #INVALID_TEXT}</td><td>the text is invalid</td></tr>
 *   <tr><td>1005</td><td>400</td><td>{@link #INVALID_SOURCE}</td><td>the source (sender id) is invalid</td></tr>
 *   <tr><td>1006</td><td>400</td><td>{@link #INVALID_EXPIRY}</td><td>the expiry is invalid</td></tr>
 *   <tr><td>1009</td><td>400</td><td>{@link #INVALID_COUNTRY}</td><td>the country is invalid</td></tr>
 *   <tr><td>1010</td><td>400</td><td>{@link #OUT_OF_RANGE}</td><td>a value is out of range</td></tr>
 *   <tr><td>1011</td><td>400</td><td>{@link #INVALID_SCHEDULE}</td><td>the schedule time is invalid</td></tr>
 *   <tr><td>1014</td><td>426</td><td>{@link #TLS_1_3_REQUIRED}</td><td>TLS 1.3 is required</td></tr>
 *   <tr><td>1200</td><td>401</td><td>{@link #UNAUTHORIZED}</td><td>the request was not authenticated properly</td></tr>
 *   <tr><td>1201</td><td>403</td><td>{@link #WRONG_REGION}</td><td>access forbidden: the account is provisioned in another region</td></tr>
 *   <tr><td>1300</td><td>404</td><td>{@link #NOT_FOUND}</td><td>not found</td></tr>
 *   <tr><td>429</td><td>429</td><td>{@link #QUOTA_EXCEEDED}</td><td>quota exceeded: retry after the Retry-After header's seconds</td></tr>
 *   <tr><td>2000</td><td>500</td><td>{@link #INTERNAL_ERROR}</td><td>an internal error of 8x8</td></tr>
 *   <tr><td>3001</td><td>400</td><td>{@link #USER_MISSING}</td><td>the user is missing</td></tr>
 *   <tr><td>3002</td><td>400</td><td>{@link #MSISDN_MISSING}</td><td>the user's msisdn is missing</td></tr>
 *   <tr><td>3003</td><td>400</td><td>{@link #MSISDN_INVALID}</td><td>the user's msisdn is invalid</td></tr>
 *   <tr><td>3004</td><td>400</td><td>{@link #CONTENT_MISSING}</td><td>the content is missing</td></tr>
 *   <tr><td>3005</td><td>400</td><td>{@link #TEXT_MISSING}</td><td>the text is missing</td></tr>
 *   <tr><td>3006</td><td>400</td><td>{@link #TEXT_TOO_LONG}</td><td>the text is too long</td></tr>
 *   <tr><td>3007</td><td>400</td><td>{@link #MEDIA_URL_MISSING}</td><td>the media URL is missing</td></tr>
 *   <tr><td>3008</td><td>400</td><td>{@link #MEDIA_URL_INVALID}</td><td>the media URL is invalid</td></tr>
 *   <tr><td>3009</td><td>400</td><td>{@link #CLIENT_MESSAGE_ID_TOO_LONG}</td><td>the clientMessageId is too long</td></tr>
 *   <tr><td>3010</td><td>400</td><td>{@link #CONTENT_TYPE_INVALID}</td><td>the content type is invalid</td></tr>
 *   <tr><td>3012</td><td>400</td><td>{@link #MESSAGES_MISSING}</td><td>the batch has no messages</td></tr>
 *   <tr><td>3013</td><td>400</td><td>{@link #TOO_MANY_MESSAGES}</td><td>the batch has too many messages</td></tr>
 *   <tr><td>3014</td><td>400</td><td>{@link #CLIENT_BATCH_ID_TOO_LONG}</td><td>the clientBatchId is too long</td></tr>
 *   <tr><td>3017</td><td>400</td><td>{@link #FALLBACK_TEXT_TOO_LONG}</td><td>the fallback text is too long</td></tr>
 *   <tr><td>3020</td><td>400</td><td>{@link #DLR_CALLBACK_URL_INVALID}</td><td>the delivery receipt callback URL is invalid</td></tr>
 *   <tr><td>3021</td><td>400</td><td>{@link #LOCATION_INVALID}</td><td>the location is empty or invalid</td></tr>
 *   <tr><td>3022</td><td>400</td><td>{@link #FALLBACK_CHANNEL_INVALID}</td><td>the fallback channel is invalid</td></tr>
 *   <tr><td>3023</td><td>400</td><td>{@link #FALLBACK_DELAY_OUT_OF_RANGE}</td><td>the fallback delay (fallbackAfter) is out of range</td></tr>
 *   <tr><td>3024</td><td>400</td><td>{@link #FALLBACK_STATUS_INVALID}</td><td>the fallback status is invalid</td></tr>
 *   <tr><td>3025</td><td>400</td><td>(as 3024)</td><td>the fallback status is invalid</td></tr>
 *   <tr><td>3026</td><td>400</td><td>(as 3024)</td><td>the fallback status is invalid</td></tr>
 *   <tr><td>3030</td><td>400</td><td>{@link #TEMPLATE_EMPTY}</td><td>the template is empty</td></tr>
 *   <tr><td>3031</td><td>400</td><td>{@link #TEMPLATE_NAME_INVALID}</td><td>the template name is invalid</td></tr>
 *   <tr><td>3032</td><td>400</td><td>(as 3031)</td><td>the template name is invalid</td></tr>
 *   <tr><td>3033</td><td>400</td><td>{@link #TOO_MANY_TEMPLATE_PARAMETERS}</td><td>the template has too many parameters</td></tr>
 *   <tr><td>3034</td><td>400</td><td>{@link #COMPONENT_COMBINATION_INVALID}</td><td>the template's combination of components is invalid</td></tr>
 *   <tr><td>3036</td><td>400</td><td>{@link #TEMPLATE_LANGUAGE_INVALID}</td><td>the template language is empty or invalid</td></tr>
 *   <tr><td>3037</td><td>400</td><td>(as 3036)</td><td>the template language is empty or invalid</td></tr>
 *   <tr><td>3038</td><td>400</td><td>{@link #TEMPLATE_NOT_FOUND}</td><td>no approved template has that name and language</td></tr>
 *   <tr><td>3039</td><td>400</td><td>{@link #COMPONENT_TYPE_INVALID}</td><td>a template component's type is invalid</td></tr>
 *   <tr><td>3040</td><td>400</td><td>{@link #TEMPLATE_PARAMETERS_MISSING}</td><td>the template needs parameters but none were sent</td></tr>
 *   <tr><td>3041</td><td>400</td><td>{@link #TEMPLATE_PARAMETER_COUNT_WRONG}</td><td>the number of template parameters is wrong</td></tr>
 *   <tr><td>3042</td><td>400</td><td>{@link #PARAMETER_TYPE_INVALID}</td><td>a template parameter's type is invalid</td></tr>
 *   <tr><td>3043</td><td>400</td><td>{@link #TEXT_PARAMETER_TOO_LONG}</td><td>a text parameter is too long</td></tr>
 *   <tr><td>3046</td><td>400</td><td>{@link #URL_PARAMETER_INVALID}</td><td>a URL parameter is invalid</td></tr>
 *   <tr><td>3049</td><td>400</td><td>{@link #BUTTON_PARAMETER_INVALID}</td><td>a button parameter is invalid</td></tr>
 *   <tr><td>3052</td><td>400</td><td>{@link #BUTTON_SUB_TYPE_INVALID}</td><td>a button's subType is invalid</td></tr>
 *   <tr><td>3053</td><td>400</td><td>{@link #BUTTON_INDEX_INVALID}</td><td>a button's index is invalid</td></tr>
 *   </tbody>
 * </table>
 */
public final class ErrorCode implements Comparable<ErrorCode> {

    /** Every known code by number; filled by {@link #known} as the constants initialise, before any lookup. */
    private static final Map<Integer, ErrorCode> KNOWN = new TreeMap<>();

    /** 1000: a parameter is invalid (HTTP 400). */
    public static final ErrorCode INVALID_PARAMETER = known(1000, "a parameter is invalid");
    /** 1001: the subAccountId does not belong to the account of the key (HTTP 400/403). */
    public static final ErrorCode SUBACCOUNT_NOT_YOURS = known(1001, "the subAccountId does not belong to the account of the key");
    /** 1002: the destination is not a valid phone number (HTTP 400). */
    public static final ErrorCode INVALID_MSISDN = known(1002, "the destination is not a valid phone number");
    /** 1003: the encoding is invalid (HTTP 400). */
    public static final ErrorCode INVALID_ENCODING = known(1003, "the encoding is invalid");
    /** 1004: the text is invalid (HTTP 400). */
    public static final ErrorCode INVALID_TEXT = known(1004, "the text is invalid");
    /** 1005: the source (sender id) is invalid (HTTP 400). */
    public static final ErrorCode INVALID_SOURCE = known(1005, "the source (sender id) is invalid");
    /** 1006: the expiry is invalid (HTTP 400). */
    public static final ErrorCode INVALID_EXPIRY = known(1006, "the expiry is invalid");
    /** 1009: the country is invalid (HTTP 400). */
    public static final ErrorCode INVALID_COUNTRY = known(1009, "the country is invalid");
    /** 1010: a value is out of range (HTTP 400). */
    public static final ErrorCode OUT_OF_RANGE = known(1010, "a value is out of range");
    /** 1011: the schedule time is invalid (HTTP 400). */
    public static final ErrorCode INVALID_SCHEDULE = known(1011, "the schedule time is invalid");
    /** 1014: TLS 1.3 is required (HTTP 426). */
    public static final ErrorCode TLS_1_3_REQUIRED = known(1014, "TLS 1.3 is required");
    /** 1200: the request was not authenticated properly (HTTP 401). */
    public static final ErrorCode UNAUTHORIZED = known(1200, "the request was not authenticated properly");
    /** 1201: access forbidden: the account is provisioned in another region (HTTP 403). */
    public static final ErrorCode WRONG_REGION = known(1201, "access forbidden: the account is provisioned in another region");
    /** 1300: not found (HTTP 404). */
    public static final ErrorCode NOT_FOUND = known(1300, "not found");
    /** 429: quota exceeded: retry after the Retry-After header's seconds (HTTP 429). */
    public static final ErrorCode QUOTA_EXCEEDED = known(429, "quota exceeded: retry after the Retry-After header's seconds");
    /** 2000: an internal error of 8x8 (HTTP 500). */
    public static final ErrorCode INTERNAL_ERROR = known(2000, "an internal error of 8x8");
    /** 3001: the user is missing (HTTP 400). */
    public static final ErrorCode USER_MISSING = known(3001, "the user is missing");
    /** 3002: the user's msisdn is missing (HTTP 400). */
    public static final ErrorCode MSISDN_MISSING = known(3002, "the user's msisdn is missing");
    /** 3003: the user's msisdn is invalid (HTTP 400). */
    public static final ErrorCode MSISDN_INVALID = known(3003, "the user's msisdn is invalid");
    /** 3004: the content is missing (HTTP 400). */
    public static final ErrorCode CONTENT_MISSING = known(3004, "the content is missing");
    /** 3005: the text is missing (HTTP 400). */
    public static final ErrorCode TEXT_MISSING = known(3005, "the text is missing");
    /** 3006: the text is too long (HTTP 400). */
    public static final ErrorCode TEXT_TOO_LONG = known(3006, "the text is too long");
    /** 3007: the media URL is missing (HTTP 400). */
    public static final ErrorCode MEDIA_URL_MISSING = known(3007, "the media URL is missing");
    /** 3008: the media URL is invalid (HTTP 400). */
    public static final ErrorCode MEDIA_URL_INVALID = known(3008, "the media URL is invalid");
    /** 3009: the clientMessageId is too long (HTTP 400). */
    public static final ErrorCode CLIENT_MESSAGE_ID_TOO_LONG = known(3009, "the clientMessageId is too long");
    /** 3010: the content type is invalid (HTTP 400). */
    public static final ErrorCode CONTENT_TYPE_INVALID = known(3010, "the content type is invalid");
    /** 3012: the batch has no messages (HTTP 400). */
    public static final ErrorCode MESSAGES_MISSING = known(3012, "the batch has no messages");
    /** 3013: the batch has too many messages (HTTP 400). */
    public static final ErrorCode TOO_MANY_MESSAGES = known(3013, "the batch has too many messages");
    /** 3014: the clientBatchId is too long (HTTP 400). */
    public static final ErrorCode CLIENT_BATCH_ID_TOO_LONG = known(3014, "the clientBatchId is too long");
    /** 3017: the fallback text is too long (HTTP 400). */
    public static final ErrorCode FALLBACK_TEXT_TOO_LONG = known(3017, "the fallback text is too long");
    /** 3020: the delivery receipt callback URL is invalid (HTTP 400). */
    public static final ErrorCode DLR_CALLBACK_URL_INVALID = known(3020, "the delivery receipt callback URL is invalid");
    /** 3021: the location is empty or invalid (HTTP 400). */
    public static final ErrorCode LOCATION_INVALID = known(3021, "the location is empty or invalid");
    /** 3022: the fallback channel is invalid (HTTP 400). */
    public static final ErrorCode FALLBACK_CHANNEL_INVALID = known(3022, "the fallback channel is invalid");
    /** 3023: the fallback delay (fallbackAfter) is out of range (HTTP 400). */
    public static final ErrorCode FALLBACK_DELAY_OUT_OF_RANGE = known(3023, "the fallback delay (fallbackAfter) is out of range");
    /** 3024: the fallback status is invalid (HTTP 400). */
    public static final ErrorCode FALLBACK_STATUS_INVALID = known(3024, "the fallback status is invalid");
    /** 3030: the template is empty (HTTP 400). */
    public static final ErrorCode TEMPLATE_EMPTY = known(3030, "the template is empty");
    /** 3031: the template name is invalid (HTTP 400). */
    public static final ErrorCode TEMPLATE_NAME_INVALID = known(3031, "the template name is invalid");
    /** 3033: the template has too many parameters (HTTP 400). */
    public static final ErrorCode TOO_MANY_TEMPLATE_PARAMETERS = known(3033, "the template has too many parameters");
    /** 3034: the template's combination of components is invalid (HTTP 400). */
    public static final ErrorCode COMPONENT_COMBINATION_INVALID = known(3034, "the template's combination of components is invalid");
    /** 3036: the template language is empty or invalid (HTTP 400). */
    public static final ErrorCode TEMPLATE_LANGUAGE_INVALID = known(3036, "the template language is empty or invalid");
    /** 3038: no approved template has that name and language (HTTP 400). */
    public static final ErrorCode TEMPLATE_NOT_FOUND = known(3038, "no approved template has that name and language");
    /** 3039: a template component's type is invalid (HTTP 400). */
    public static final ErrorCode COMPONENT_TYPE_INVALID = known(3039, "a template component's type is invalid");
    /** 3040: the template needs parameters but none were sent (HTTP 400). */
    public static final ErrorCode TEMPLATE_PARAMETERS_MISSING = known(3040, "the template needs parameters but none were sent");
    /** 3041: the number of template parameters is wrong (HTTP 400). */
    public static final ErrorCode TEMPLATE_PARAMETER_COUNT_WRONG = known(3041, "the number of template parameters is wrong");
    /** 3042: a template parameter's type is invalid (HTTP 400). */
    public static final ErrorCode PARAMETER_TYPE_INVALID = known(3042, "a template parameter's type is invalid");
    /** 3043: a text parameter is too long (HTTP 400). */
    public static final ErrorCode TEXT_PARAMETER_TOO_LONG = known(3043, "a text parameter is too long");
    /** 3046: a URL parameter is invalid (HTTP 400). */
    public static final ErrorCode URL_PARAMETER_INVALID = known(3046, "a URL parameter is invalid");
    /** 3049: a button parameter is invalid (HTTP 400). */
    public static final ErrorCode BUTTON_PARAMETER_INVALID = known(3049, "a button parameter is invalid");
    /** 3052: a button's subType is invalid (HTTP 400). */
    public static final ErrorCode BUTTON_SUB_TYPE_INVALID = known(3052, "a button's subType is invalid");
    /** 3053: a button's index is invalid (HTTP 400). */
    public static final ErrorCode BUTTON_INDEX_INVALID = known(3053, "a button's index is invalid");

    static {
        // Codes that share a meaning with the constant before them: known, without a constant of their own.
        known(3025, "the fallback status is invalid");
        known(3026, "the fallback status is invalid");
        known(3032, "the template name is invalid");
        known(3037, "the template language is empty or invalid");
    }

    private final int code;
    private final String description;

    private ErrorCode(int code, String description) {
        this.code = code;
        this.description = description;
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

    /**
     * Every code the table knows, in ascending order.
     *
     * @return the known codes, unmodifiable
     */
    public static Collection<ErrorCode> knownCodes() {
        return Collections.unmodifiableCollection(KNOWN.values());
    }

    /**
     * The number, as 8x8 sent it.
     *
     * @return the code's number
     */
    public int code() {
        return code;
    }

    /**
     * Whether the table knows this code.
     *
     * @return false for a code 8x8's documents did not name when this version was made
     */
    public boolean isKnown() {
        return description != null;
    }

    /**
     * What 8x8's documents say the code means, in a few words; the error's own message says more.
     *
     * @return the meaning, or {@code "unknown"} for a code the table does not know
     */
    public String description() {
        return description != null ? description : "unknown";
    }

    /**
     * Orders by number.
     *
     * @param other another code
     * @return the comparison of the numbers
     */
    @Override
    public int compareTo(ErrorCode other) {
        return Integer.compare(code, other.code);
    }

    /**
     * Equal when the numbers are.
     *
     * @param other another object
     * @return whether it is an error code with the same number
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ErrorCode that && that.code == code;
    }

    /** The number's hash. */
    @Override
    public int hashCode() {
        return Integer.hashCode(code);
    }

    /**
     * The number and its meaning, for logs.
     *
     * @return for example {@code 1002 (the destination is not a valid phone number)}
     */
    @Override
    public String toString() {
        return code + " (" + description() + ")";
    }
}
