package io.connect8x8.cli;

import io.connect8x8.api.OperationCall;
import io.connect8x8.api.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sms cancel UMID}: cancels a scheduled SMS, or with {@code --batch} a scheduled batch. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a scheduled SMS by its umid (or a scheduled batch by its batchId with --batch); "
                + "8x8 refuses once it is sent.",
        footerHeading = "%nExample:%n", footer = "  connect8x8 sms cancel 0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b")
final class SmsCancelCommand extends OperationCommand {

    @Parameters(index = "0", paramLabel = "UMID|BATCH_ID", description = "8x8's id of the message or batch.")
    String id;

    @Option(names = "--batch", description = "The id is a batch's: cancel its scheduled messages.")
    boolean batch;

    @Override
    OperationCall operationCall(Operations api) {
        return batch ? OperationCall.of("sms:cancel-many-sms-messages").param("batchId", id)
                : OperationCall.of("sms:cancel-scheduled-message").param("umid", id);
    }
}
