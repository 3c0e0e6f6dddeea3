package io.connect8x8.cli.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an ISO 8601 date and time with an offset, such as {@code 2026-05-01T09:00:00+08:00} or {@code ...Z}. */
public final class IsoTimeConverter implements ITypeConverter<OffsetDateTime> {

    /**
     * Creates the converter; picocli makes one for each option that names it as its {@code converter}.
     */
    public IsoTimeConverter() {
    }

    /**
     * Returns the time.
     *
     * @param value the text
     * @return the time
     * @throws TypeConversionException (exit code 2) when malformed
     */
    @Override
    public OffsetDateTime convert(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value
                    + "' is not an ISO 8601 time with an offset, such as 2026-05-01T09:00:00+08:00");
        }
    }
}
