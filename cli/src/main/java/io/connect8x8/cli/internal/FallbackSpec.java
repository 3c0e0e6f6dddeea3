package io.connect8x8.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * One {@code --fallback CHANNEL:AFTER_SECONDS}: the channel to fall back to, and how long the previous channel
 * is given first.
 *
 * @param channel the channel fallen back to, by name in any casing (checked against the API document in use when
 *     the message is sent)
 * @param afterSeconds how long the previous channel is tried first
 */
public record FallbackSpec(String channel, long afterSeconds) {

    /**
     * Reads one {@code --fallback} value; a malformed one is a usage error, not a failure of the send.
     *
     * @param cmd the command, for the usage error
     * @param text such as {@code sms:60}
     * @return the fallback
     * @throws ParameterException (exit code 2) when malformed
     */
    public static FallbackSpec parse(CommandLine cmd, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ParameterException(cmd, "--fallback must be CHANNEL:AFTER_SECONDS such as sms:60, was '"
                    + text + "'");
        }
        long seconds;
        try {
            seconds = Long.parseLong(text.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(cmd, "--fallback seconds must be a whole number, was '" + text + "'");
        }
        return new FallbackSpec(text.substring(0, colon).strip(), seconds);
    }
}
