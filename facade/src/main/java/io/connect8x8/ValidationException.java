package io.connect8x8;

import java.util.Objects;

/**
 * Input was rejected before anything was sent: a missing or malformed field of a message, a batch or the client's
 * configuration. {@link #field()} names the field as it appears on the wire (for example {@code destination},
 * {@code messages[3].user.msisdn}, {@code content.template.components.index}; a list position is given where the builder knows it) or,
 * for configuration, the builder setting ({@code apiKey}, {@code smsBaseUrl}).
 */
public class ValidationException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The field at fault, as it appears on the wire or as the builder setting is named. */
    private final String field;
    /** What is wrong with the field, without its value when that is a secret or personal data. */
    private final String problem;

    /**
     * Creates a validation failure.
     *
     * @param field the field at fault
     * @param problem what is wrong with it, without the value when the value is a secret or personal data
     */
    public ValidationException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"), null, 0);
        this.field = field;
        this.problem = problem;
    }

    /**
     * The field at fault, as it appears on the wire or as the builder setting is named.
     *
     * @return the field path
     */
    public String field() {
        return field;
    }

    /**
     * What is wrong with the field, without the field's name.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }

    /**
     * The same failure for the field nested under {@code prefix}, such as {@code messages[2]}.
     *
     * @param prefix the path of the enclosing object
     * @return a new exception whose field is {@code prefix.field}
     */
    public ValidationException within(String prefix) {
        ValidationException nested = new ValidationException(prefix + "." + field, problem);
        nested.setStackTrace(getStackTrace());
        return nested;
    }
}
