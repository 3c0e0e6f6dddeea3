package io.connect8x8.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.connect8x8.ValidationException;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.OperationInfo;
import io.connect8x8.api.Operations;
import io.connect8x8.api.ParameterInfo;
import io.connect8x8.cli.internal.ReadFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code api}: any operation of the generated artifacts on the class path, by its operationId, with its parameters
 * by name and its body as JSON; {@code --list} lists the operations, and their parameters, from the documents.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Call any operation of the 8x8 APIs by its operationId (the documents' own names); "
                + "--list lists them, --list OPERATION_ID its parameters.",
        footerHeading = "%nExamples:%n",
        footer = {"  connect8x8 api --list",
                "  connect8x8 api --list get-sms-message-details",
                "  connect8x8 api get-sms-message-details --param umid=0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b",
                "  connect8x8 api Send-Sms-Single --body @sms.json --dry-run",
                "  connect8x8 api Upload-File --param file=@logo.png"})
final class ApiCommand extends OperationCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "OPERATION_ID",
            description = "The operation: its operationId, or document:operationId.")
    String operationId;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A path, query, header or form parameter, by its name in the document; a value @PATH "
                    + "is a file (for a file field). subAccountId and accountId default to the global options.")
    // Split here, not by a Map option: picocli's own message for a value without '=' ("Value for option option
    // '--param' ... should be in KEY=VALUE format") doubles a word and does not say what to give.
    List<String> params = new ArrayList<>();

    @Option(names = "--body", paramLabel = "JSON|@FILE", description = "The request body: JSON, or @ and a file.")
    String body;

    @Option(names = "--list", description = "List the operations (or, with OPERATION_ID, its parameters); "
            + "nothing is sent, no key is needed.")
    boolean list;

    @Override
    public Integer call() {
        if (list) {
            return list(out());
        }
        if (operationId == null) {
            throw new ValidationException("OPERATION_ID", "is required: `connect8x8 api --list` lists them");
        }
        paramsByName();
        return super.call();
    }

    @Override
    OperationCall operationCall(Operations api) {
        OperationCall call = OperationCall.of(operationId);
        for (Map.Entry<String, String> p : paramsByName().entrySet()) {
            String value = p.getValue();
            call = call.param(p.getKey(), value.startsWith("@") ? Path.of(value.substring(1)) : value);
        }
        return body == null ? call : call.body(parse(read(body)));
    }

    /**
     * The {@code --param} values by name, split at the first {@code =}; a later one of the same name wins. A value
     * without a name before {@code =} is bad usage (exit 2), refused before the key is read or anything is sent.
     */
    private Map<String, String> paramsByName() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--param takes NAME=VALUE, such as --param "
                        + "umid=ID (`connect8x8 api --list OPERATION_ID` lists the names), was '" + param + "'");
            }
            byName.put(param.substring(0, eq), param.substring(eq + 1));
        }
        return byName;
    }

    /** The body as JSON; text that is not JSON is the user's mistake (exit 2), not an internal error. */
    private static JsonElement parse(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new ValidationException("body", "is not JSON: " + reason.getMessage());
        }
    }

    /** The body's text: inline, or read from the file after {@code @}. */
    private static String read(String body) {
        if (!body.startsWith("@")) {
            return body;
        }
        try {
            return Files.readString(Path.of(body.substring(1)));
        } catch (IOException e) {
            throw new ValidationException("body", "cannot read " + body.substring(1) + ": " + ReadFailure.reason(e));
        }
    }

    private int list(PrintWriter out) {
        if (operationId != null) {
            OperationInfo op = find(operationId);
            out.println(op.method() + " " + op.path() + "  (" + op.qualifiedId() + ", " + op.artifact() + ")");
            if (!op.summary().isEmpty()) {
                out.println(op.summary());
            }
            for (ParameterInfo p : op.parameters()) {
                out.println(String.format("  %-22s %-6s %-8s %s %s", p.name(), p.in(), p.type(),
                        p.required() ? "required" : "optional", p.description()).stripTrailing());
            }
            if (op.bodyContentType() != null && !op.bodyContentType().startsWith("multipart/")) {
                out.println(String.format("  %-22s %-6s %-8s %s", "--body", "body", "json",
                        op.bodyRequired() ? "required" : "optional"));
            }
        } else {
            for (OperationInfo op : Operations.available()) {
                out.println(String.format("%-44s %-6s %s", op.qualifiedId(), op.method(), op.path()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static OperationInfo find(String id) {
        for (OperationInfo op : Operations.available()) {
            if (op.operationId().equals(id) || op.qualifiedId().equals(id)
                    || (op.set() + ":" + op.qualifiedId()).equals(id)) {
                return op;
            }
        }
        throw new ValidationException("OPERATION_ID", "'" + id + "' is not an operation of the artifacts on the "
                + "class path: `connect8x8 api --list` lists them");
    }
}
