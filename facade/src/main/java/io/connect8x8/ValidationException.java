package io.connect8x8;

import java.util.Objects;

/**
 * Input rejected before anything was sent: a missing or malformed field of a message, a batch or the client's
 * configuration. {@link #field()} names the field as on the wire ({@code destination},
 * {@code messages[3].user.msisdn}) or the builder setting ({@code apiKey}, {@code smsBaseUrl}).
 */
public class ValidationException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The field at fault, as on the wire or as the builder setting is named. */
    private final String field;
    /** What is wrong, without the value when that is a secret or personal data. */
    private final String problem;

    /**
     * Makes the exception for one refused field.
     *
     * @param field the field at fault
     * @param problem what is wrong with it, without the value when that is a secret or personal data
     */
    public ValidationException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"), null, 0);
        this.field = field;
        this.problem = problem;
    }

    /** {@return the field at fault, as on the wire or as the builder setting is named} */
    public String field() {
        return field;
    }

    /** {@return what is wrong with the field, without its name} */
    public String problem() {
        return problem;
    }

    /**
     * The same failure for the field nested under {@code prefix}.
     *
     * @param prefix the path of the enclosing object, such as {@code messages[2]}
     * @return a new exception whose field is {@code prefix.field}
     */
    public ValidationException within(String prefix) {
        ValidationException nested = new ValidationException(prefix + "." + field, problem);
        nested.setStackTrace(getStackTrace());
        return nested;
    }
}
