package io.connect8x8.cli;

import io.connect8x8.api.OperationCall;
import io.connect8x8.api.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sms status UMID}: a message's details and delivery status ({@code get-sms-message-details}). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show an SMS's details and delivery status by its umid.",
        footerHeading = "%nExample:%n", footer = "  connect8x8 sms status 0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b")
final class SmsStatusCommand extends OperationCommand {

    @Parameters(index = "0", paramLabel = "UMID", description = "8x8's id of the message.")
    String umid;

    @Override
    OperationCall operationCall(Operations api) {
        return OperationCall.of("sms:get-sms-message-details").param("umid", umid);
    }
}
