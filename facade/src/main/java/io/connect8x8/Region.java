package io.connect8x8;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 8x8 data-centre region an account is provisioned in, which selects every API host: {@code sms.}, {@code
 * chatapps.} and {@code verify.} before the region's domain. An account works only in its own region (another answers
 * 403 with code 1201).
 */
public enum Region {
    /** Asia-Pacific, the default: {@code sms.8x8.com}, {@code chatapps.8x8.com} and {@code verify.8x8.com}. */
    ASIA_PACIFIC("ap", "Asia-Pacific", "8x8.com", "SG", "AP"),
    /** North America: {@code sms.us.8x8.com}, {@code chatapps.us.8x8.com} and {@code verify.us.8x8.com}. */
    NORTH_AMERICA("us", "North America", "us.8x8.com", "US", "NA"),
    /** Europe: {@code sms.8x8.uk}, {@code chatapps.8x8.uk} and {@code verify.8x8.uk}. */
    EUROPE("eu", "Europe", "8x8.uk", "UK", "EU"),
    /** Indonesia: {@code sms.8x8.id}, {@code chatapps.8x8.id} and {@code verify.8x8.id}. */
    INDONESIA("id", "Indonesia", "8x8.id", "ID", "IDN");

    private static final Pattern USE_ENDPOINT = Pattern.compile("use the ([A-Za-z]+) endpoint");

    private final String code;
    private final String displayName;
    private final String domain;
    /** The code, the enum name and country-style aliases, upper case: what {@link #of(String)} accepts. */
    private final List<String> names;

    Region(String code, String displayName, String domain, String alias, String otherAlias) {
        this.code = code;
        this.displayName = displayName;
        this.domain = domain;
        this.names = List.of(code.toUpperCase(Locale.ROOT), name(), alias, otherAlias);
    }

    /** {@return the short code: {@code ap}, {@code us}, {@code eu} or {@code id}} */
    public String code() {
        return code;
    }

    /** {@return the region's name, such as {@code Asia-Pacific}} */
    public String displayName() {
        return displayName;
    }

    /** {@return the SMS API's base URL in this region} */
    public String smsBaseUrl() {
        return "https://sms." + domain;
    }

    /** {@return the Messaging Apps API's base URL in this region} */
    public String chatAppsBaseUrl() {
        return "https://chatapps." + domain;
    }

    /** {@return the Verification API's (one-time codes) base URL in this region} */
    public String verifyBaseUrl() {
        return "https://verify." + domain;
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
        Region region = name == null ? null : named(name.trim(), null);
        if (region == null) {
            throw new ValidationException("region", "unknown region '" + name + "'; use ap, us, eu or id");
        }
        return region;
    }

    /** The region a name stands for, other than {@code except}, or null. */
    private static Region named(String name, Region except) {
        for (Region region : values()) {
            if (region != except && region.names.contains(name.toUpperCase(Locale.ROOT))) {
                return region;
            }
        }
        return null;
    }

    /** For a 403 with code 1201, the region the message points to, as {@code ID} in "Please use the ID endpoint!". */
    static Region hintFor(ApiError error, Region configured) {
        if (error.code() == null || error.code() != 1201 || error.message() == null) {
            return null;
        }
        Matcher matcher = USE_ENDPOINT.matcher(error.message());
        return matcher.find() ? named(matcher.group(1), configured) : null;
    }
}
