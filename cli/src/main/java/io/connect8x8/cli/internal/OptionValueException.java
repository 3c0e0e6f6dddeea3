package io.connect8x8.cli.internal;

import picocli.CommandLine.TypeConversionException;

/**
 * A converter's refusal worded to follow the option's name, such as {@code must be a number from 0 to 65535: 'abc'}:
 * {@link ErrorHandler} prints {@code connect8x8: --port must be ...}, the wording of the sandbox's own main, instead of
 * picocli's {@code Invalid value for option '--port': ...}.
 */
public final class OptionValueException extends TypeConversionException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the refusal.
     *
     * @param message what the value must be, and the value, to follow the option's name
     */
    public OptionValueException(String message) {
        super(message);
    }
}
