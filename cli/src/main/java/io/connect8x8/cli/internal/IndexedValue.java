package io.connect8x8.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * One {@code INDEX=VALUE} of a template button option.
 *
 * @param index the button's position in the approved template
 * @param value its parameter
 */
public record IndexedValue(int index, String value) {

    /**
     * Reads one {@code INDEX=VALUE} option value; a malformed one is a usage error, not a failure of the send.
     *
     * @param cmd the command, for the usage error
     * @param option the option's name, for the usage error
     * @param text such as {@code 0=track/42}
     * @return the pair
     * @throws ParameterException (exit code 2) when malformed
     */
    public static IndexedValue parse(CommandLine cmd, String option, String text) {
        int eq = text.indexOf('=');
        if (eq > 0) {
            try {
                return new IndexedValue(Integer.parseInt(text.substring(0, eq).strip()), text.substring(eq + 1));
            } catch (NumberFormatException e) {
                // falls through to the usage error
            }
        }
        throw new ParameterException(cmd, option + " must be INDEX=VALUE such as 0=abc, was '" + text + "'");
    }
}
