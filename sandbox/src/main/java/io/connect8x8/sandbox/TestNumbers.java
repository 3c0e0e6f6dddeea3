package io.connect8x8.sandbox;

/**
 * Numbers with a fixed outcome in the simulator, in the manner of Twilio's magic numbers. Any other valid number
 * is accepted and gets the normal receipt sequence. The {@code +} is optional, as for the live API.
 *
 * <table>
 *   <caption>Test numbers</caption>
 *   <tr><th>number</th><th>SMS API</th><th>Messaging Apps API</th></tr>
 *   <tr><td>{@value #UNDELIVERED}</td><td>accepted; receipt {@code undelivered}/{@code rejected_by_operator}</td>
 *       <td>accepted; {@code queued}, then {@code undelivered}/{@code rejected_by_operator}</td></tr>
 *   <tr><td>{@value #INVALID}</td><td>400 code 1002 (a batch item: REJECTED 1002)</td>
 *       <td>400 code 3003 (a batch item: rejected 3003)</td></tr>
 *   <tr><td>{@value #SERVER_ERROR}</td><td colspan="2">500 code 2000, for a single send or a batch holding it</td></tr>
 * </table>
 */
public final class TestNumbers {

    /** Accepted, but its receipts end {@code undelivered}/{@code rejected_by_operator} with an error code. */
    public static final String UNDELIVERED = "+15550000001";
    /** Rejected as an invalid number: 400 with 1002 (SMS) or 3003 (Messaging Apps). */
    public static final String INVALID = "+15550000002";
    /** Answered 500 with code 2000. */
    public static final String SERVER_ERROR = "+15550000003";

    /** The error code of an {@link #UNDELIVERED} SMS receipt. */
    public static final int SMS_UNDELIVERED_CODE = 10;
    /** The error code of an {@link #UNDELIVERED} Messaging Apps receipt. */
    public static final int CHAT_APPS_UNDELIVERED_CODE = 7001;
    /** The WhatsApp provider error code of an {@link #UNDELIVERED} Messaging Apps receipt. */
    public static final int WHATSAPP_PROVIDER_CODE = 131026;

    private TestNumbers() {
    }

    /**
     * The digits of a number, without {@code +}.
     *
     * @param msisdn a number, may be null
     * @return its digits, or null
     */
    public static String digits(String msisdn) {
        return msisdn == null ? null : msisdn.startsWith("+") ? msisdn.substring(1) : msisdn;
    }

    /**
     * Whether a number is one of the test numbers, with or without its {@code +}.
     *
     * @param msisdn a number, may be null
     * @param testNumber one of this class's constants
     * @return whether they are the same number
     */
    public static boolean is(String msisdn, String testNumber) {
        return testNumber.substring(1).equals(digits(msisdn));
    }
}
