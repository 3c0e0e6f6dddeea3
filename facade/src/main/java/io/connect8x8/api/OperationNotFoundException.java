package io.connect8x8.api;

import io.connect8x8.Connect8x8Exception;

/**
 * The operation asked for is in no generated artifact on the class path, or cannot be called through it; thrown
 * before any I/O ({@link io.connect8x8.SendState#NOT_SENT}), naming the operation and the artifact that has it.
 */
public class OperationNotFoundException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The operation that was asked for. */
    private final String operationId;

    /**
     * Creates the failure.
     *
     * @param operationId the operationId asked for
     * @param message the whole message: what is missing and where it is
     */
    public OperationNotFoundException(String operationId, String message) {
        super(message, null, 0);
        this.operationId = operationId;
    }

    /** {@return the operationId asked for, as given} */
    public String operationId() {
        return operationId;
    }
}
