package io.connect8x8;

import java.util.Optional;

/**
 * The key is not allowed to do this (HTTP 403). With 8x8 code 1201 the account lives in another region, which
 * {@link #regionHint()} names when the API's message says which.
 */
public class PermissionDeniedException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /** The region the key may belong to, or null. */
    private final Region regionHint;

    /**
     * Makes the exception for a 403 answer.
     *
     * @param error the parsed response
     * @param configured the region the client was configured with, or null for custom base URLs
     * @param attempts the number of HTTP requests made
     */
    public PermissionDeniedException(ApiError error, Region configured, int attempts) {
        super(error, describe(error, Region.hintFor(error, configured)), attempts);
        this.regionHint = Region.hintFor(error, configured);
    }

    private static String describe(ApiError error, Region hint) {
        return hint == null ? error.describe()
                : error.describe() + "; the account is not in this region: use region " + hint.code()
                        + " (" + hint.displayName() + ")";
    }

    /** {@return for code 1201 (wrong region), the region the account is probably in, if the response names one} */
    public Optional<Region> regionHint() {
        return Optional.ofNullable(regionHint);
    }
}
