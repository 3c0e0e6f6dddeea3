package io.connect8x8.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt to POST a receipt to a webhook.
 *
 * @param number 1 for the first attempt, 2 for the first retry, and so on
 * @param delay how long the simulator waited before this attempt, already scaled by the receipt time factor:
 *     zero for the first, then 1, 10, 30 and 90 seconds times the factor
 * @param at when the attempt started, by the simulator's clock
 * @param status the HTTP status the receiver answered, or -1 when there was no answer
 * @param error why the attempt failed ({@code HTTP 500}, a connection error), or null when it succeeded
 */
public record DeliveryAttempt(int number, Duration delay, Instant at, int status, String error) {

    /**
     * Returns whether the receiver answered 2xx.
     *
     * @return whether the receiver answered 2xx
     */
    public boolean succeeded() {
        return error == null;
    }
}
