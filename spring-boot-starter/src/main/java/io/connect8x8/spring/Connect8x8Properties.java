package io.connect8x8.spring;

import io.connect8x8.Region;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code connect8x8.*} properties: the client's credentials, hosts, timeouts and retries, the webhook endpoint,
 * and the sandbox mode for tests. Unset values keep the library's defaults. The API key and the webhook's expected
 * {@code Authorization} value are masked by Actuator's {@code /env} and {@code /configprops} endpoints whatever their
 * {@code show-values} setting.
 */
@ConfigurationProperties(prefix = "connect8x8")
public class Connect8x8Properties {

    /** The API key, sent as {@code Authorization: Bearer <key>}. Default: api-key-file, else CONNECT8X8_API_KEY. */
    private String apiKey;

    /** A file holding only the API key, read once at start-up; used when api-key is not set. */
    private Path apiKeyFile;

    /** The region of your 8x8 account, selecting both hosts. Default: asia-pacific. */
    private Region region;

    /** The sub-account that sends, for both APIs. */
    private String subAccountId;

    /** The SMS API's base URL, overriding the region's (such as http://127.0.0.1:8088/sms). */
    private String smsBaseUrl;

    /** The Messaging Apps API's base URL, overriding the region's (such as http://127.0.0.1:8088/chatapps). */
    private String chatAppsBaseUrl;

    /** The Verification API's base URL, overriding the region's (such as http://127.0.0.1:8088/verify). */
    private String verifyBaseUrl;

    /** The 8x8 account id, for the operations of the whole API whose path takes one (such as templates). */
    private String accountId;

    /** The longest wait to open a connection. */
    private Duration connectTimeout;

    /** The longest wait between two reads of a response. */
    private Duration readTimeout;

    /** The longest a whole call may take, retries and their waits included. */
    private Duration callTimeout;

    /** How calls are retried. */
    private final Retry retry = new Retry();

    /** The webhook endpoint receiving delivery receipts and inbound messages. */
    private final Webhook webhook = new Webhook();

    /** The local simulator, for tests (needs connect8x8-sandbox on the class path). */
    private final Sandbox sandbox = new Sandbox();

    /**
     * Creates the properties with every value unset; Spring Boot binds {@code connect8x8.*} through the setters.
     */
    public Connect8x8Properties() {
    }

    /**
     * The API key.
     *
     * @return the key, or null when not set
     */
    public String getApiKey() {
        return apiKey;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the key
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * The file holding the API key.
     *
     * @return the path, or null when not set
     */
    public Path getApiKeyFile() {
        return apiKeyFile;
    }

    /**
     * Sets the file holding the API key.
     *
     * @param apiKeyFile the path
     */
    public void setApiKeyFile(Path apiKeyFile) {
        this.apiKeyFile = apiKeyFile;
    }

    /**
     * The region.
     *
     * @return the region, or null for the library's default
     */
    public Region getRegion() {
        return region;
    }

    /**
     * Sets the region.
     *
     * @param region the region
     */
    public void setRegion(Region region) {
        this.region = region;
    }

    /**
     * The sub-account id.
     *
     * @return the id, or null when not set
     */
    public String getSubAccountId() {
        return subAccountId;
    }

    /**
     * Sets the sub-account id.
     *
     * @param subAccountId the id
     */
    public void setSubAccountId(String subAccountId) {
        this.subAccountId = subAccountId;
    }

    /**
     * The SMS API's base URL.
     *
     * @return the URL, or null for the region's
     */
    public String getSmsBaseUrl() {
        return smsBaseUrl;
    }

    /**
     * Sets the SMS API's base URL.
     *
     * @param smsBaseUrl the URL
     */
    public void setSmsBaseUrl(String smsBaseUrl) {
        this.smsBaseUrl = smsBaseUrl;
    }

    /**
     * The Messaging Apps API's base URL.
     *
     * @return the URL, or null for the region's
     */
    public String getChatAppsBaseUrl() {
        return chatAppsBaseUrl;
    }

    /**
     * Sets the Messaging Apps API's base URL.
     *
     * @param chatAppsBaseUrl the URL
     */
    public void setChatAppsBaseUrl(String chatAppsBaseUrl) {
        this.chatAppsBaseUrl = chatAppsBaseUrl;
    }

    /**
     * The Verification API's base URL.
     *
     * @return the URL, or null for the region's
     */
    public String getVerifyBaseUrl() {
        return verifyBaseUrl;
    }

    /**
     * Sets the Verification API's base URL.
     *
     * @param verifyBaseUrl the URL
     */
    public void setVerifyBaseUrl(String verifyBaseUrl) {
        this.verifyBaseUrl = verifyBaseUrl;
    }

    /**
     * The 8x8 account id.
     *
     * @return the id, or null when not set
     */
    public String getAccountId() {
        return accountId;
    }

    /**
     * Sets the 8x8 account id.
     *
     * @param accountId the id
     */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    /**
     * The connect timeout.
     *
     * @return the timeout, or null for the library's default
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The read timeout.
     *
     * @return the timeout, or null for the library's default
     */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets the read timeout.
     *
     * @param readTimeout the timeout
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * The deadline of a whole call.
     *
     * @return the timeout, or null for the library's default
     */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * Sets the deadline of a whole call.
     *
     * @param callTimeout the timeout
     */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /**
     * The retry settings.
     *
     * @return the settings, never null
     */
    public Retry getRetry() {
        return retry;
    }

    /**
     * The webhook settings.
     *
     * @return the settings, never null
     */
    public Webhook getWebhook() {
        return webhook;
    }

    /**
     * The sandbox settings.
     *
     * @return the settings, never null
     */
    public Sandbox getSandbox() {
        return sandbox;
    }

    /** How calls are retried; unset values keep the library's defaults (3 attempts, 250 ms doubling to 8 s). */
    public static class Retry {

        /** The most requests one call makes, the first included (1 turns retries off). */
        private Integer maxAttempts;

        /** The first backoff before a retry; later ones double, with full jitter. */
        private Duration initialBackoff;

        /** The longest backoff between two attempts. */
        private Duration maxBackoff;

        /** Whether a 500, 502 or 504 (which may have been processed) is retried too: may send twice. */
        private Boolean retryAmbiguousFailures;

        /**
         * Creates the retry settings with every value unset; Spring Boot binds {@code connect8x8.retry.*} through the
         * setters.
         */
        public Retry() {
        }

        /**
         * The most attempts a call makes.
         *
         * @return the number, or null for the default
         */
        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the most attempts a call makes.
         *
         * @param maxAttempts the number
         */
        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * The first backoff.
         *
         * @return the backoff, or null for the default
         */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets the first backoff.
         *
         * @param initialBackoff the backoff
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /**
         * The longest backoff.
         *
         * @return the backoff, or null for the default
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets the longest backoff.
         *
         * @param maxBackoff the backoff
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /**
         * Whether ambiguous failures are retried.
         *
         * @return the choice, or null for the default (false)
         */
        public Boolean getRetryAmbiguousFailures() {
            return retryAmbiguousFailures;
        }

        /**
         * Sets whether ambiguous failures are retried.
         *
         * @param retryAmbiguousFailures the choice
         */
        public void setRetryAmbiguousFailures(Boolean retryAmbiguousFailures) {
            this.retryAmbiguousFailures = retryAmbiguousFailures;
        }

        /**
         * Whether any retry setting was given.
         *
         * @return true when at least one is set
         */
        public boolean isConfigured() {
            return maxAttempts != null || initialBackoff != null || maxBackoff != null
                    || retryAmbiguousFailures != null;
        }
    }

    /** The webhook endpoint, registered in a servlet web application. */
    public static class Webhook {

        /**
         * Whether to register the endpoint. Unset: registered when authorization or authorization-disabled is set,
         * or in sandbox mode.
         */
        private Boolean enabled;

        /** The path the endpoint is mapped to. */
        private String path = "/connect8x8/webhook";

        /**
         * The exact Authorization header value configured on the 8x8 webhook, such as "Bearer s3cret". Not checked in
         * sandbox mode, whose simulator sends none.
         */
        private String authorization;

        /** Accept requests without checking Authorization: only behind a proxy that authenticates 8x8. */
        private boolean authorizationDisabled;

        /** The largest body accepted; larger ones answer 413. */
        private DataSize maxBodySize = DataSize.ofMegabytes(1);

        /** How many messages the in-memory ledger remembers to drop duplicates (no ReceiptLedger bean). */
        private int maxTrackedMessages = 100_000;

        /** How much memory the in-memory ledger's receipts may take (no ReceiptLedger bean). */
        private DataSize maxTrackedSize = DataSize.ofMegabytes(64);

        /** How many bytes of bodies may be read at once; beyond it requests answer 503 and 8x8 retries. */
        private DataSize maxInFlightSize = DataSize.ofMegabytes(16);

        /**
         * Creates the webhook settings with their defaults; Spring Boot binds {@code connect8x8.webhook.*} through the
         * setters.
         */
        public Webhook() {
        }

        /**
         * Whether the endpoint is registered.
         *
         * @return the choice, or null to decide from the other settings
         */
        public Boolean getEnabled() {
            return enabled;
        }

        /**
         * Sets whether the endpoint is registered.
         *
         * @param enabled the choice
         */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The endpoint's path.
         *
         * @return the path
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the endpoint's path.
         *
         * @param path the path, starting with a slash
         */
        public void setPath(String path) {
            this.path = path;
        }

        /**
         * The expected Authorization header value.
         *
         * @return the value, or null when not set
         */
        public String getAuthorization() {
            return authorization;
        }

        /**
         * Sets the expected Authorization header value.
         *
         * @param authorization the value
         */
        public void setAuthorization(String authorization) {
            this.authorization = authorization;
        }

        /**
         * Whether the Authorization check is turned off.
         *
         * @return true when turned off explicitly
         */
        public boolean isAuthorizationDisabled() {
            return authorizationDisabled;
        }

        /**
         * Turns the Authorization check off, or on.
         *
         * @param authorizationDisabled true to accept unauthenticated requests
         */
        public void setAuthorizationDisabled(boolean authorizationDisabled) {
            this.authorizationDisabled = authorizationDisabled;
        }

        /**
         * The largest body accepted.
         *
         * @return the size
         */
        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        /**
         * Sets the largest body accepted.
         *
         * @param maxBodySize the size
         */
        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        /**
         * How many messages the in-memory ledger remembers.
         *
         * @return the number
         */
        public int getMaxTrackedMessages() {
            return maxTrackedMessages;
        }

        /**
         * Sets how many messages the in-memory ledger remembers.
         *
         * @param maxTrackedMessages the number
         */
        public void setMaxTrackedMessages(int maxTrackedMessages) {
            this.maxTrackedMessages = maxTrackedMessages;
        }

        /**
         * How much memory the in-memory ledger may take.
         *
         * @return the size
         */
        public DataSize getMaxTrackedSize() {
            return maxTrackedSize;
        }

        /**
         * Sets how much memory the in-memory ledger may take.
         *
         * @param maxTrackedSize the size
         */
        public void setMaxTrackedSize(DataSize maxTrackedSize) {
            this.maxTrackedSize = maxTrackedSize;
        }

        /**
         * How many bytes of bodies may be read at once.
         *
         * @return the size
         */
        public DataSize getMaxInFlightSize() {
            return maxInFlightSize;
        }

        /**
         * Sets how many bytes of bodies may be read at once.
         *
         * @param maxInFlightSize the size
         */
        public void setMaxInFlightSize(DataSize maxInFlightSize) {
            this.maxInFlightSize = maxInFlightSize;
        }
    }

    /** The local simulator that replaces 8x8 in tests. */
    public static class Sandbox {

        /** Start the simulator and point the client at it; the webhook then needs no Authorization. */
        private boolean enabled;

        /** The simulator's port on 127.0.0.1 (0 picks a free one). */
        private int port;

        /** Scales the simulator's receipt delays and retry schedule (1 is 8x8's pace). */
        private double receiptTimeFactor = 0.01;

        /** Where the simulator posts receipts. Default: this application's webhook endpoint. */
        private String webhookUrl;

        /**
         * Creates the sandbox settings with their defaults, sandbox mode off; Spring Boot binds
         * {@code connect8x8.sandbox.*} through the setters.
         */
        public Sandbox() {
        }

        /**
         * Whether sandbox mode is on.
         *
         * @return true when on
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns sandbox mode on or off.
         *
         * @param enabled true to start the simulator
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The simulator's port.
         *
         * @return the port, 0 for a free one
         */
        public int getPort() {
            return port;
        }

        /**
         * Sets the simulator's port.
         *
         * @param port the port, 0 for a free one
         */
        public void setPort(int port) {
            this.port = port;
        }

        /**
         * The receipt time factor.
         *
         * @return the factor
         */
        public double getReceiptTimeFactor() {
            return receiptTimeFactor;
        }

        /**
         * Sets the receipt time factor.
         *
         * @param receiptTimeFactor the factor, above 0
         */
        public void setReceiptTimeFactor(double receiptTimeFactor) {
            this.receiptTimeFactor = receiptTimeFactor;
        }

        /**
         * Where the simulator posts receipts.
         *
         * @return the URL, or null for this application's webhook endpoint
         */
        public String getWebhookUrl() {
            return webhookUrl;
        }

        /**
         * Sets where the simulator posts receipts.
         *
         * @param webhookUrl the URL
         */
        public void setWebhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
        }
    }
}
