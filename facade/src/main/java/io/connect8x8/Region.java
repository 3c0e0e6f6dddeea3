package io.connect8x8;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 8x8 data-centre region an account is provisioned in, which selects every API host. An account works only in
 * its own region (another answers 403 with code 1201).
 */
public enum Region {
    /** Asia-Pacific, the default: {@code sms.8x8.com}, {@code chatapps.8x8.com} and {@code verify.8x8.com}. */
    ASIA_PACIFIC("ap", "Asia-Pacific", "https://sms.8x8.com", "https://chatapps.8x8.com", "https://verify.8x8.com",
            "SG", "AP"),
    /** North America: {@code sms.us.8x8.com}, {@code chatapps.us.8x8.com} and {@code verify.us.8x8.com}. */
    NORTH_AMERICA("us", "North America", "https://sms.us.8x8.com", "https://chatapps.us.8x8.com",
            "https://verify.us.8x8.com", "US", "NA"),
    /** Europe: {@code sms.8x8.uk}, {@code chatapps.8x8.uk} and {@code verify.8x8.uk}. */
    EUROPE("eu", "Europe", "https://sms.8x8.uk", "https://chatapps.8x8.uk", "https://verify.8x8.uk", "UK", "EU"),
    /** Indonesia: {@code sms.8x8.id}, {@code chatapps.8x8.id} and {@code verify.8x8.id}. */
    INDONESIA("id", "Indonesia", "https://sms.8x8.id", "https://chatapps.8x8.id", "https://verify.8x8.id", "ID",
            "IDN");

    private static final Pattern USE_ENDPOINT = Pattern.compile("use the ([A-Za-z]+) endpoint");

    private final String code;
    private final String displayName;
    private final String smsBaseUrl;
    private final String chatAppsBaseUrl;
    private final String verifyBaseUrl;
    private final String[] aliases;

    Region(String code, String displayName, String smsBaseUrl, String chatAppsBaseUrl, String verifyBaseUrl,
           String... aliases) {
        this.code = code;
        this.displayName = displayName;
        this.smsBaseUrl = smsBaseUrl;
        this.chatAppsBaseUrl = chatAppsBaseUrl;
        this.verifyBaseUrl = verifyBaseUrl;
        this.aliases = aliases;
    }

    /**
     * @return the short code: {@code ap}, {@code us}, {@code eu} or {@code id}
     */
    public String code() {
        return code;
    }

    /**
     * @return the region's name, such as {@code Asia-Pacific}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * @return the SMS API's base URL in this region
     */
    public String smsBaseUrl() {
        return smsBaseUrl;
    }

    /**
     * @return the Messaging Apps API's base URL in this region
     */
    public String chatAppsBaseUrl() {
        return chatAppsBaseUrl;
    }

    /**
     * @return the Verification API's (one-time codes) base URL in this region
     */
    public String verifyBaseUrl() {
        return verifyBaseUrl;
    }

    /**
     * Finds a region by its short code ({@code ap}, {@code us}, {@code eu}, {@code id}), its enum name, or a
     * country-style alias ({@code SG}, {@code UK}), ignoring case.
     *
     * @param name the name to look up
     * @return the region
     * @throws ValidationException when nothing matches
     */
    public static Region of(String name) {
        if (name != null) {
            String wanted = name.trim();
            for (Region region : values()) {
                if (region.code.equalsIgnoreCase(wanted) || region.name().equalsIgnoreCase(wanted)
                        || region.matchesAlias(wanted)) {
                    return region;
                }
            }
        }
        throw new ValidationException("region", "unknown region '" + name + "'; use ap, us, eu or id");
    }

    private boolean matchesAlias(String wanted) {
        return Arrays.stream(aliases).anyMatch(wanted::equalsIgnoreCase);
    }

    /** For a 403 with code 1201, the region the message points to, as {@code ID} in "Please use the ID endpoint!". */
    static Region hintFor(ApiError error, Region configured) {
        if (error.code() == null || error.code() != 1201 || error.message() == null) {
            return null;
        }
        Matcher matcher = USE_ENDPOINT.matcher(error.message());
        if (!matcher.find()) {
            return null;
        }
        String named = matcher.group(1).toUpperCase(Locale.ROOT);
        for (Region region : values()) {
            if (region != configured && (region.code.equalsIgnoreCase(named) || region.matchesAlias(named))) {
                return region;
            }
        }
        return null;
    }
}
