package io.connect8x8.cli;

import io.connect8x8.cli.internal.CliContext;
import io.connect8x8.cli.internal.ClientSettings;
import io.connect8x8.cli.internal.Debug;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code connect8x8} command: the global options, inherited by every subcommand (so they may be given
 * before or after the subcommand's name), each also read from an environment variable. Its commands are
 * {@link #COMMANDS}, added by {@link Main}, not listed in the annotation: picocli would build the model of every
 * command (about 25, by reflection) before running any.
 */
@Command(name = "connect8x8", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Send SMS and WhatsApp messages through the 8x8 CPaaS APIs, preview requests, "
                + "count SMS parts, and run a local simulator.",
        footerHeading = "%nExample:%n",
        footer = {"  connect8x8 --subaccount acme sms send --to +6512345678 --text 'Hello'",
                "  connect8x8 demo"})
public final class Connect8x8Command extends CommandGroup {

    /** The commands, in the order the usage help lists them. */
    static final List<Class<?>> COMMANDS = List.of(SmsCommand.class, ChatCommand.class, WhatsAppCommand.class,
            SandboxCommand.class, DemoCommand.class, ApiCommand.class, VerifyCommand.class);

    private final CliContext context;

    @Option(names = "--api-key", paramLabel = "KEY", scope = ScopeType.INHERIT,
            description = "The API key (env CONNECT8X8_API_KEY). Prefer the variable or --api-key-file: "
                    + "arguments are visible to other users.")
    String apiKey;

    @Option(names = "--api-key-file", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "A file holding only the API key.")
    Path apiKeyFile;

    @Option(names = "--subaccount", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "The sub-account to send from (env CONNECT8X8_SUBACCOUNT_ID).")
    String subAccount;

    @Option(names = "--region", paramLabel = "ap|us|eu|id", scope = ScopeType.INHERIT,
            description = "The region whose hosts to call (env CONNECT8X8_REGION; default ap).")
    String region;

    @Option(names = "--sms-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The SMS API's base URL, overriding the region's (env CONNECT8X8_SMS_URL); "
                    + "plain http only for loopback hosts.")
    String smsUrl;

    @Option(names = "--chatapps-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The Messaging Apps API's base URL (env CONNECT8X8_CHATAPPS_URL); "
                    + "plain http only for loopback hosts.")
    String chatAppsUrl;

    @Option(names = "--verify-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The Verification API's base URL (env CONNECT8X8_VERIFY_URL); "
                    + "plain http only for loopback hosts.")
    String verifyUrl;

    @Option(names = "--account", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "The account id (a UUID) of account-level operations: templates, webhooks, balance "
                    + "(env CONNECT8X8_ACCOUNT_ID).")
    String accountId;

    @Option(names = "--timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
            description = "The deadline of the whole call, retries included (default 60).")
    Double timeoutSeconds;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the API's response as JSON on stdout.")
    boolean json;

    @Option(names = "--dry-run", scope = ScopeType.INHERIT,
            description = "Print the request that would be sent as one JSON object "
                    + "(method, url, headers, body; Authorization redacted), send nothing.")
    boolean dryRun;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug log on stderr (key and message text redacted); stack traces on errors.")
    boolean verbose;

    /**
     * Creates the root command.
     *
     * @param context the environment, the simulator and the terminal this run sees
     */
    public Connect8x8Command(CliContext context) {
        this.context = context;
    }

    /**
     * Returns the environment, the simulator and the terminal this run sees.
     *
     * @return the environment, the simulator and the terminal this run sees
     */
    public CliContext context() {
        return context;
    }

    /**
     * Returns the key given with {@code --api-key}, not the environment's.
     *
     * @return the key given with {@code --api-key}, or null
     */
    public String apiKeyOption() {
        return apiKey;
    }

    /**
     * Returns whether {@code --verbose} was given.
     *
     * @return whether {@code --verbose} was given
     */
    public boolean verbose() {
        return verbose;
    }

    /**
     * Returns whether {@code --json} was given.
     *
     * @return whether {@code --json} was given
     */
    public boolean json() {
        return json;
    }

    /**
     * Returns whether {@code --dry-run} was given.
     *
     * @return whether {@code --dry-run} was given
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Returns the debug log, writing to this command's stderr when {@code --verbose} was given.
     *
     * @return the debug log, writing to this command's stderr when {@code --verbose} was given
     */
    public Debug debug() {
        return new Debug(spec.commandLine().getErr(), verbose);
    }

    /**
     * Returns the client settings: each option, else its environment variable, else the default.
     *
     * @return the client settings: each option, else its environment variable, else the default
     */
    public ClientSettings settings() {
        return new ClientSettings(
                first(apiKey),
                apiKeyFile,
                first(context.env("CONNECT8X8_API_KEY")),
                first(subAccount, context.env("CONNECT8X8_SUBACCOUNT_ID")),
                first(region, context.env("CONNECT8X8_REGION"), "ap"),
                first(smsUrl, context.env("CONNECT8X8_SMS_URL")),
                first(chatAppsUrl, context.env("CONNECT8X8_CHATAPPS_URL")),
                first(verifyUrl, context.env("CONNECT8X8_VERIFY_URL")),
                first(accountId, context.env("CONNECT8X8_ACCOUNT_ID")),
                timeoutSeconds,
                dryRun);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
