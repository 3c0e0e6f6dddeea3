package io.connect8x8.cli.internal;

import picocli.CommandLine.ITypeConverter;

/** Reads a TCP port, 0 (a free one) to 65535, refusing anything else as the sandbox's own main does. */
public final class PortConverter implements ITypeConverter<Integer> {

    /**
     * Creates the converter; picocli makes one for each option that names it as its {@code converter}.
     */
    public PortConverter() {
    }

    /**
     * Returns the port.
     *
     * @param value the text
     * @return the port
     * @throws OptionValueException (exit code 2) when not a number from 0 to 65535
     */
    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65_535) {
            throw new OptionValueException("must be a number from 0 to 65535: '" + value + "'");
        }
        return port;
    }
}
