package io.connect8x8.sandbox.internal;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Values whose schema's {@code format} refuses them but whose operation's own text allows them, so that the live API
 * takes them: a finding of the library on such a value is not reported. Only {@code format} findings of the two
 * operations below are looked at, so a request without one costs nothing.
 *
 * <ul>
 *   <li>A log export's {@code from} and {@code to} ({@code format: date-time}): the documents' text accepts
 *       "UTC date ({@code yyyy-MM-dd} format)", "{@code yyyy-MM-ddTHH:mm:ssZ}" and a local date-time with its offset,
 *       with the examples {@code 2020-07-01} and {@code 2020-07-01T13:00:00} ("UTC Time"). See {@link #instant}.</li>
 *   <li>A WhatsApp template's URL button {@code url} ({@code format: uri}): "Variables can be used to create dynamic
 *       links", with the example {@code https://website.com/{{1}}}, which is no URI because of its braces.</li>
 * </ul>
 */
final class DocumentedFormats {

    /** The library's key of a format finding, followed by the format ({@code .uri}, {@code .date-time}). */
    private static final String FORMAT = "validation.request.body.schema.format.";
    private static final Pattern EXPORT_TIME = Pattern.compile("/(from|to)");
    private static final Pattern BUTTON_URL = Pattern.compile("/components/\\d+/buttons/\\d+/url");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\d+}}");
    /** The forms of {@link #instant}, in the order tried. */
    private static final java.util.List<java.util.function.Function<String, Instant>> TIME_FORMS = java.util.List.of(
            text -> OffsetDateTime.parse(text).toInstant(),
            text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
            text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());

    private DocumentedFormats() {
    }

    /**
     * Whether a finding is one of the formats the operation's text allows.
     *
     * @param handlerId the operation's id without a document's suffix ({@link Operation#handlerId()})
     * @param message the library's finding
     * @param body the parsed request body, null when it had none
     * @return true to leave the finding out
     */
    static boolean allows(String handlerId, ValidationReport.Message message, JsonNode body) {
        if (body == null || message.getKey() == null || !message.getKey().startsWith(FORMAT)) {
            return false;
        }
        String pointer = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
        JsonNode value = body.at(pointer.isEmpty() ? "/-" : pointer);
        if (!value.isTextual()) {
            return false;
        }
        if ("start-log-export-job".equals(handlerId) && EXPORT_TIME.matcher(pointer).matches()) {
            return instant(value.textValue()) != null;
        }
        if ("add-whatsapp-template".equals(handlerId) && BUTTON_URL.matcher(pointer).matches()) {
            // The variables stand for text the message fills in; with them replaced the URL must be one.
            return Rule.isHttpUrl(VARIABLE.matcher(value.textValue()).replaceAll("x"));
        }
        return false;
    }

    /**
     * A log export's time in any form the documents accept: with an offset ({@code 2020-07-01T13:00:00+07:00},
     * {@code ...Z}), without one, read as UTC ({@code 2020-07-01T13:00:00}), or a date alone, read as the start of
     * that UTC day ({@code 2020-07-01}; inferred: the documents say "UTC date", not which instant of it).
     *
     * @param text the value
     * @return the instant, or null when it is none of these
     */
    static Instant instant(String text) {
        for (java.util.function.Function<String, Instant> form : TIME_FORMS) {
            try {
                return form.apply(text);
            } catch (DateTimeParseException notThisForm) {
                // the next form
            }
        }
        return null;
    }
}
