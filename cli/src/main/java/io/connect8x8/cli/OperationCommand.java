package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.OperationCall;

/**
 * A command that is one operation of the API, called through the client's generic operation path
 * ({@code client.api()}): {@code api} itself and the named conveniences ({@code sms status}, {@code sms cancel},
 * {@code whatsapp templates}, {@code verify send|check}). {@code --dry-run} prints the request; otherwise the
 * answer's JSON is printed.
 */
abstract class OperationCommand extends SendCommand {

    /**
     * The call to make, from the command's arguments.
     *
     * @return the call
     */
    abstract OperationCall operationCall();

    @Override
    final void run(Connect8x8Client client) {
        OperationCall call = operationCall();
        previewOrSend(() -> client.api().preview(call), () -> client.api().call(call));
    }
}
