package io.connect8x8.sandbox.internal;

/**
 * One finding of request validation, already mapped to the 8x8 code the live API gives for it.
 *
 * @param messageIndex the index of the batch message it concerns, or -1 for the request as a whole
 * @param code the 8x8 code
 * @param message the message for the error body
 */
public record Violation(int messageIndex, int code, String message) {
}
