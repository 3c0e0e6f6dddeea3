package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;

/**
 * A place on the map, for location content and location template headers.
 *
 * @param latitude -90 to 90
 * @param longitude -180 to 180
 * @param name the place's name, or null
 * @param address its address, or null
 */
public record Location(double latitude, double longitude, String name, String address) {

    /**
     * Makes a location, checking the coordinates before any request is made, so a bad one fails with the
     * field named instead of a rejected send.
     *
     * @param latitude -90 to 90
     * @param longitude -180 to 180
     * @param name the place's name, or null
     * @param address its address, or null
     * @throws ValidationException (field {@code content.location.latitude} or {@code .longitude}) when a coordinate
     *     is out of range or not a number
     */
    public Location {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new ValidationException("content.location.latitude", "must be -90 to 90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new ValidationException("content.location.longitude", "must be -180 to 180");
        }
    }
}
