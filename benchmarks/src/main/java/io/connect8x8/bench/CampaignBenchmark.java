package io.connect8x8.bench;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.CampaignReport;
import io.connect8x8.campaigns.Campaigns;
import io.connect8x8.campaigns.FileJournal;
import io.connect8x8.sms.Sms;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A campaign of personalised SMS from a CSV file to the simulator (in its own process), sent three ways in one run:
 * through the library ({@code Campaigns.sms}) in a JVM limited to {@code -Xmx256m}, through the CLI jar with the same
 * limit, and by a naive loop of single sends (the baseline). Prints throughput, the ratio to the baseline, peak
 * resident memory, and CPU seconds spent by the client and by the simulator (where the time goes).
 *
 * <pre>
 * mvn -q -pl cli -am package -DskipTests
 * mvn -q -pl benchmarks -am package -DskipTests exec:java -Dconnect8x8.exec.skip=true \
 *     -Dexec.mainClass=io.connect8x8.bench.CampaignBenchmark -Dexec.args="1000000"
 * </pre>
 */
public final class CampaignBenchmark {

    private static final String TEXT = "Hi {name}, our spring sale starts tomorrow at 9";
    private static final int BASELINE_MESSAGES = 3_000;

    private CampaignBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the number of messages (default 1,000,000)
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("campaign-bench");
        Path csv = dir.resolve("customers.csv");
        writeCsv(csv, messages);
        String classpath = classpath();
        int port = freePort();
        Process simulator = java(List.of("-Xmx1g", "-cp", classpath, "io.connect8x8.sandbox.SandboxMain",
                "--port", Integer.toString(port))).start();
        try {
            String url = "http://127.0.0.1:" + port;
            awaitUp(url);
            System.out.printf("%,d personalised SMS from %s (%,d bytes)%n", messages, csv, Files.size(csv));

            Measured baseline = measure(simulator, java(List.of("-Xmx256m", "-cp", classpath,
                    Client.class.getName(), "loop", url, csv.toString(), Integer.toString(BASELINE_MESSAGES))));
            Measured library = measure(simulator, java(List.of("-Xmx256m", "-cp", classpath,
                    Client.class.getName(), "campaign", url, csv.toString(), dir.resolve("lib.journal").toString())));
            Path jar = cliJar();
            Measured cli = null;
            if (jar != null) {
                ProcessBuilder command = java(List.of("-Xmx256m", "-jar", jar.toString(), "--json", "sms", "batch",
                        "--file", csv.toString(), "--text", TEXT, "--campaign-id", "bench-cli"));
                command.environment().put("CONNECT8X8_API_KEY", "sandbox-key");
                command.environment().put("CONNECT8X8_SUBACCOUNT_ID", "bench-sub");
                command.environment().put("CONNECT8X8_SMS_URL", url + "/sms");
                cli = measure(simulator, command);
            }
            double base = baseline.rate(BASELINE_MESSAGES);
            System.out.printf("baseline  single sends: %,8.0f msg/s (%,d messages)%n", base, BASELINE_MESSAGES);
            print("library  ", library, messages, base);
            if (cli != null) {
                print("cli      ", cli, messages, base);
            } else {
                System.out.println("cli: no jar in cli/target; run mvn -pl cli -am package -DskipTests first");
            }
        } finally {
            simulator.destroy();
        }
    }

    private static void print(String name, Measured m, int messages, double base) {
        System.out.printf("%s campaign:     %,8.0f msg/s = %.0fx baseline; %.1f s; peak RSS %d MiB; "
                        + "CPU client %.1f s, simulator %.1f s; %s%n", name, m.rate(messages), m.rate(messages) / base,
                m.seconds, m.peakRssKb / 1024, m.clientCpu, m.simulatorCpu, m.output.strip());
    }

    /** What one client process cost. */
    private record Measured(double seconds, long peakRssKb, double clientCpu, double simulatorCpu, String output) {
        double rate(int messages) {
            return messages / seconds;
        }
    }

    private static Measured measure(Process simulator, ProcessBuilder command) throws Exception {
        double simulatorBefore = cpuSeconds(simulator.pid());
        long start = System.nanoTime();
        Path out = Files.createTempFile("bench", ".out");
        Process process = command.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long peak = 0;
        double cpu = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, status(process.pid(), "VmHWM:"));
            cpu = Math.max(cpu, cpuSeconds(process.pid()));
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(out);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("client exited " + process.exitValue() + ": " + output);
        }
        return new Measured(seconds, peak, cpu, cpuSeconds(simulator.pid()) - simulatorBefore, output);
    }

    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between two polls.
        }
        return 0;
    }

    /** User and system CPU seconds of a process (Linux /proc; clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static ProcessBuilder java(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    private static Path cliJar() throws IOException {
        // Run from the root (mvn -pl benchmarks) or from a module beside cli.
        Path dir = Path.of(System.getProperty("user.dir"));
        Path target = (Files.isDirectory(dir.resolve("cli")) ? dir.resolve("cli") : dir.resolveSibling("cli"))
                .resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("connect8x8-cli-.*(?<!sources|javadoc)\\.jar"))
                    .findFirst().orElse(null);
        }
    }

    private static void writeCsv(Path csv, int messages) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("to,name\n");
            for (int i = 0; i < messages; i++) {
                out.write("+659" + String.format("%07d", i) + ",Customer" + i + "\n");
            }
        }
    }

    /** This module's class path: exec:java runs in Maven's JVM, whose own class path is Maven's. */
    private static String classpath() throws Exception {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitUp(String url) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", java.net.URI.create(url).getPort())) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the simulator did not start");
    }

    /** The client processes: a campaign through the library, or the naive loop. */
    public static final class Client {

        private Client() {
        }

        /**
         * Runs one client.
         *
         * @param args mode ("campaign" or "loop"), simulator URL, CSV path, then journal path or message count
         * @throws IOException when the file cannot be read
         */
        public static void main(String[] args) throws IOException {
            try (Connect8x8Client client = Connect8x8Client.builder().apiKey("sandbox-key").subAccountId("bench-sub")
                    .smsBaseUrl(args[1] + "/sms").readTimeout(Duration.ofMinutes(2))
                    .callTimeout(Duration.ofMinutes(4)).build();
                 BufferedReader csv = Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8)) {
                csv.readLine();
                Iterator<Sms> input = rows(csv);
                if (args[0].equals("loop")) {
                    int n = Integer.parseInt(args[3]);
                    for (int i = 0; i < n && input.hasNext(); i++) {
                        client.sms().send(input.next());
                    }
                    System.out.println("sent " + n);
                    return;
                }
                try (FileJournal journal = FileJournal.open(Path.of(args[3]))) {
                    CampaignReport report = Campaigns.sms(client).campaignId("bench-lib").journal(journal)
                            .build().send(input);
                    System.out.println("accepted " + report.accepted() + " in " + report.requests() + " requests; "
                            + "heap used " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                            / (1024 * 1024) + " MiB at the end");
                }
            }
        }

        private static Iterator<Sms> rows(BufferedReader csv) {
            return new Iterator<>() {
                private String next = read();

                private String read() {
                    try {
                        return csv.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Sms next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    int comma = next.indexOf(',');
                    Sms sms = Sms.builder().to(next.substring(0, comma))
                            .text(TEXT.replace("{name}", next.substring(comma + 1))).build();
                    next = read();
                    return sms;
                }
            };
        }
    }
}
