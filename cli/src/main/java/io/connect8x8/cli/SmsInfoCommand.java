package io.connect8x8.cli;

import io.connect8x8.sms.SmsParts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sms info}: the encoding and parts of a text, computed offline. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show how a text is encoded and split into parts, offline (nothing is sent).",
        footerHeading = "%nExample:%n", footer = "  connect8x8 sms info --text 'Ünïcödé costs more'")
final class SmsInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The text.")
    String text;

    @Override
    public Integer call() {
        SmsParts parts = SmsParts.of(text);
        var out = spec.commandLine().getOut();
        out.println("encoding:   " + parts.encoding());
        out.println("characters: " + text.codePointCount(0, text.length()));
        out.println("length:     " + parts.length() + (parts.encoding() == io.connect8x8.sms.SmsEncoding.GSM7
                ? " GSM-7 positions" : " UTF-16 units"));
        out.println("parts:      " + parts.parts() + " (" + parts.perPart() + " a part)");
        out.println("left:       " + parts.remainingInLastPart() + " in the last part");
        if (parts.truncated()) {
            out.println("warning:    longer than " + SmsParts.MAX_PARTS + " parts: the API truncates it");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
