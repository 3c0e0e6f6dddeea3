package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.Operations;

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
     * @param api the client's generic path, whose conveniences check what they take before any I/O
     * @return the call
     */
    abstract OperationCall operationCall(Operations api);

    @Override
    final void run(Connect8x8Client client) {
        OperationCall call = operationCall(client.api());
        ApiResult[] answer = new ApiResult[1];
        previewOrSend(() -> client.api().preview(call), () -> answer[0] = client.api().call(call));
        if (answer[0] != null) {
            answered(answer[0]);
        }
    }

    /**
     * Called with the answer once it is printed (not under {@code --dry-run}): a command whose answer can say "no"
     * with a success status sets {@link #exitCode} here. Does nothing by default.
     *
     * @param answer the operation's answer
     */
    void answered(ApiResult answer) {
    }
}
