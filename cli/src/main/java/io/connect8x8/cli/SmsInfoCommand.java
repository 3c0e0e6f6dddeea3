package io.connect8x8.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.connect8x8.sms.SmsEncoding;
import io.connect8x8.sms.SmsParts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sms info}: the encoding and parts of a text, computed offline. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show how a text is encoded and split into parts, offline (nothing is sent).",
        footerHeading = "%nExample:%n", footer = {"  connect8x8 sms info --text 'Ünïcödé costs more'",
                "  connect8x8 sms info --json --text 'Hello'     (the same as one JSON object)"})
final class SmsInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The text.")
    String text;

    @Override
    public Integer call() {
        SmsParts parts = SmsParts.of(text);
        var out = spec.commandLine().getOut();
        if (((Connect8x8Command) spec.root().userObject()).json()) {
            out.println(json(parts));
            out.flush();
            return ExitCodes.OK;
        }
        out.println("encoding:   " + parts.encoding());
        out.println("characters: " + text.codePointCount(0, text.length()));
        out.println("length:     " + parts.length() + (parts.encoding() == SmsEncoding.GSM7
                ? " GSM-7 positions" : " UTF-16 units"));
        out.println("parts:      " + parts.parts() + " (" + parts.perPart() + " a part)");
        out.println("left:       " + parts.remainingInLastPart() + " in the last part");
        if (parts.truncated()) {
            out.println("warning:    longer than " + SmsParts.MAX_PARTS + " parts: the API truncates it");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The same figures as one JSON object, for scripts ({@code --json}). */
    private String json(SmsParts parts) {
        JsonObject json = new JsonObject();
        json.addProperty("encoding", parts.encoding().name());
        json.addProperty("characters", text.codePointCount(0, text.length()));
        json.addProperty("length", parts.length());
        json.addProperty("lengthUnit", parts.encoding() == SmsEncoding.GSM7 ? "gsm7-positions" : "utf16-units");
        json.addProperty("parts", parts.parts());
        json.addProperty("perPart", parts.perPart());
        json.addProperty("remainingInLastPart", parts.remainingInLastPart());
        json.addProperty("truncated", parts.truncated());
        return new GsonBuilder().setPrettyPrinting().create().toJson(json);
    }
}
