package io.connect8x8.cli.internal;

import io.connect8x8.ApiKey;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.Region;
import io.connect8x8.ValidationException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The client's configuration as the global options and the environment give it, each already resolved
 * (option first, then environment variable, then default).
 *
 * @param apiKey the key given with {@code --api-key}, or null
 * @param apiKeyFile the file given with {@code --api-key-file}, or null
 * @param apiKeyFromEnv the key in {@code CONNECT8X8_API_KEY}, or null
 * @param subAccountId the sub-account, or null
 * @param region the region's name
 * @param smsUrl the SMS API's base URL override, or null
 * @param chatAppsUrl the Messaging Apps API's base URL override, or null
 * @param verifyUrl the Verification API's base URL override, or null
 * @param accountId the account id of account-level operations, or null
 * @param timeoutSeconds the whole call's deadline, or null for the client's default
 * @param dryRun whether nothing will be sent (a key is then optional)
 */
public record ClientSettings(String apiKey, Path apiKeyFile, String apiKeyFromEnv, String subAccountId,
                             String region, String smsUrl, String chatAppsUrl, String verifyUrl,
                             String accountId, Double timeoutSeconds,
                             boolean dryRun) {

    /** Stands in for the key in a dry run without one: previews redact the header anyway. */
    static final String DRY_RUN_KEY = "dry-run-placeholder";

    /**
     * Builds the client. The key comes from {@code --api-key}, else {@code --api-key-file}, else
     * {@code CONNECT8X8_API_KEY}; a dry run needs none.
     *
     * @return a client the caller closes
     * @throws ValidationException naming the setting at fault
     */
    public Connect8x8Client newClient() {
        Connect8x8Client.Builder builder = Connect8x8Client.builder().region(Region.of(region));
        if (apiKey != null) {
            builder.apiKey(apiKey);
        } else if (apiKeyFile != null) {
            builder.apiKey(readKey(apiKeyFile));
        } else if (apiKeyFromEnv != null) {
            builder.apiKey(apiKeyFromEnv);
        } else if (dryRun) {
            builder.apiKey(DRY_RUN_KEY);
        } else {
            throw new ValidationException("apiKey",
                    "no API key: give --api-key or --api-key-file, or set CONNECT8X8_API_KEY");
        }
        if (subAccountId != null) {
            builder.subAccountId(subAccountId);
        }
        if (smsUrl != null) {
            builder.smsBaseUrl(smsUrl);
        }
        if (chatAppsUrl != null) {
            builder.chatAppsBaseUrl(chatAppsUrl);
        }
        if (verifyUrl != null) {
            builder.verifyBaseUrl(verifyUrl);
        }
        if (accountId != null) {
            builder.accountId(accountId);
        }
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
                throw new ValidationException("timeout", "must be more than 0 and at most 3600 seconds");
            }
            builder.callTimeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))));
        }
        return builder.build();
    }

    /** The key in the file; a file that cannot be read is named by the option that gave it, not the builder's name. */
    private static ApiKey readKey(Path file) {
        try {
            return ApiKey.fromFile(file);
        } catch (ValidationException e) {
            if (!"apiKeyFile".equals(e.field())) {
                throw e; // a malformed key: "apiKey", as for --api-key
            }
            throw new ValidationException("--api-key-file", e.problem());
        }
    }

    /**
     * The configuration for the debug log, without the key.
     *
     * @return one line
     */
    public String describe() {
        String keySource = apiKey != null ? "--api-key" : apiKeyFile != null ? "--api-key-file"
                : apiKeyFromEnv != null ? "CONNECT8X8_API_KEY" : "none";
        return "region=" + region + ", subaccount=" + subAccountId + ", account=" + accountId + ", sms-url="
                + redactUserInfo(smsUrl) + ", chatapps-url=" + redactUserInfo(chatAppsUrl) + ", verify-url="
                + redactUserInfo(verifyUrl) + ", timeout=" + (timeoutSeconds == null ? "default" : timeoutSeconds + "s")
                + ", key from " + keySource;
    }

    /**
     * A URL for the debug log with any user information ({@code user:key@}) replaced by {@code ****@}: the line is
     * printed before the client refuses such a URL, so the key must not be in it. Works on the text, not on a parsed
     * URI, and cuts up to the last {@code @} anywhere: a key may hold {@code /}, {@code ?} or {@code #}, which would
     * end the authority early, and over-redacting a rare {@code @} in a path costs nothing in a debug line.
     *
     * @param url a base URL as given, or null
     * @return the URL without its user information, or null
     */
    static String redactUserInfo(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = url.lastIndexOf('@');
        return at < start ? url : url.substring(0, start) + "****" + url.substring(at);
    }
}
