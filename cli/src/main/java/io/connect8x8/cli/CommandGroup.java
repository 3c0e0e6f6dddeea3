package io.connect8x8.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that groups subcommands ({@code connect8x8} itself, {@code sms}, {@code chat}, {@code whatsapp},
 * {@code verify}). Run without one, it prints its usage on stderr and exits 2 (bad usage), as for any incomplete
 * command line.
 */
abstract class CommandGroup implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * Without a subcommand: the usage on stderr, and exit code 2.
     *
     * @return {@link ExitCodes#USAGE}
     */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
