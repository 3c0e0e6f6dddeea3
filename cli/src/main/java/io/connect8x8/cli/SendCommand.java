package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.RequestPreview;
import io.connect8x8.cli.internal.ClientSettings;
import io.connect8x8.cli.internal.Debug;
import io.connect8x8.cli.internal.Results;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every sending command shares: the client built from the global options, and the dry-run, JSON and human
 * outputs, all through the command's own writers.
 */
abstract class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The exit code once {@link #run} returns normally; a campaign sets it from its outcome. */
    int exitCode = ExitCodes.OK;

    /** Builds the client and runs the command with it. */
    @Override
    public Integer call() {
        ClientSettings settings = root().settings();
        debug().log("settings: " + settings.describe());
        try (Connect8x8Client client = settings.newClient()) {
            debug().log("client: " + client);
            run(client);
        }
        out().flush();
        return exitCode;
    }

    /**
     * Sends (or previews) with the client.
     *
     * @param client the client, closed after this returns
     */
    abstract void run(Connect8x8Client client);

    /**
     * Prints the preview under {@code --dry-run}, otherwise sends and prints the result.
     *
     * @param preview the request that would be sent
     * @param send sends it and returns the facade's result
     */
    final void previewOrSend(Supplier<RequestPreview> preview, Supplier<Object> send) {
        if (root().dryRun()) {
            out().println(preview.get().toJson(true));
            return;
        }
        Object result = send.get();
        debug().log("result: " + result);
        out().println(root().json() ? Results.json(result) : Results.summary(result));
    }

    final Connect8x8Command root() {
        return (Connect8x8Command) spec.root().userObject();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    final Debug debug() {
        return root().debug();
    }
}
