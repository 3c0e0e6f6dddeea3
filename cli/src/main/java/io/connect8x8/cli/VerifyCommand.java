package io.connect8x8.cli;

import io.connect8x8.ValidationException;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code verify} group: one-time codes on 8x8's Verification API. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Send and check one-time codes through the 8x8 Verification API.",
        subcommands = {VerifyCommand.Send.class, VerifyCommand.Check.class},
        footerHeading = "%nExample:%n",
        footer = {"  connect8x8 verify send --to +6512345678",
                "  connect8x8 verify check --session 3f2a... --code 123456"})
final class VerifyCommand extends CommandGroup {

    /** {@code verify send}: sends a code ({@code verify-request-v2}). */
    @Command(name = "send", mixinStandardHelpOptions = true, description = "Send a one-time code to a number.",
            footerHeading = "%nExample:%n",
            footer = {"  connect8x8 verify send --to +6512345678 --channel sms",
                    "  (prints the session; its sessionId goes to verify check --session)"})
    static final class Send extends OperationCommand {

        @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "The number, E.164.")
        String to;

        @Option(names = "--channel", paramLabel = "CHANNEL",
                description = "How the code goes out, as the Verification document spells it (today sms, call, "
                        + "whatsapp, viber or sma; a value it lacks is refused with its list). Default: the API's, SMS.")
        String channel;

        @Override
        OperationCall operationCall(Operations api) {
            try {
                // The facade's call: the number checked before anything is sent or previewed, as its send checks it.
                return api.verify().sendCall(to, channel);
            } catch (ValidationException e) {
                throw "destination".equals(e.field()) ? new ValidationException("--to", e.problem()) : e;
            }
        }
    }

    /**
     * {@code verify check}: checks a code ({@code code-validation-v2}). The API answers 200 whether the code was right
     * or not, so the exit code says it: 0 only for {@code VERIFIED}, as a script's {@code if} expects of a check.
     */
    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check a code against a session.",
            footerHeading = "%nExample:%n",
            footer = {"  connect8x8 verify check --session 1b38849b11ce427cb163106a6aa7c27c --code 123456",
                    "  (prints the session: status VERIFIED and exit code 0 when the code was right;",
                    "  any other status, such as WAITING after a wrong code, exits with 3)"})
    static final class Check extends OperationCommand {

        @Option(names = "--session", required = true, paramLabel = "ID", description = "The session of the send.")
        String sessionId;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The code the user typed.")
        String code;

        @Override
        OperationCall operationCall(Operations api) {
            return OperationCall.of("verification:code-validation-v2").param("sessionId", sessionId)
                    .param("code", code);
        }

        @Override
        void answered(ApiResult answer) {
            String status = answer.raw().string("status").orElse("missing");
            if (!"VERIFIED".equals(status)) {
                err().println("connect8x8: not verified: the session's status is " + status
                        + ("WAITING".equals(status) ? " (the code is wrong; the user may try again)" : ""));
                err().flush();
                exitCode = ExitCodes.API_ERROR;
            }
        }
    }
}
