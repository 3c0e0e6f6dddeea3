package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's module descriptor closes {@code io.connect8x8.internal}: a user's module that requires
 * {@code io.connect8x8.facade} compiles against the API and runs a send, and the same module importing an internal
 * type does not compile ("not visible"), while on the class path that import compiles, so the failure comes from the
 * descriptor and nothing else. The user's module is compiled in-process on the module path these tests run on
 * (Surefire's default for a module with a descriptor: the facade's classes and the modules it requires).
 */
class ModuleBoundaryTest {

    private static final String MODULE = "io.connect8x8.facade";
    private static final Set<String> API_PACKAGES =
            Set.of("io.connect8x8", "io.connect8x8.sms", "io.connect8x8.chatapps", "io.connect8x8.api");

    private static final String USER_MODULE = """
            module user.app {
                requires io.connect8x8.facade;
                // The test's own loopback server; the facade no longer brings it.
                requires jdk.httpserver;
            }
            """;

    /**
     * Sends an SMS through the facade to a JDK HTTP server on loopback and prints the result, then tries to call an
     * internal class by reflection and prints what stopped it.
     */
    private static final String USER_API = """
            package user.app;

            import com.sun.net.httpserver.HttpServer;
            import io.connect8x8.Connect8x8Client;
            import io.connect8x8.sms.Sms;
            import io.connect8x8.sms.SmsResult;
            import java.net.InetAddress;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;

            public class Main {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                    server.createContext("/", exchange -> {
                        exchange.getRequestBody().readAllBytes();
                        byte[] body = ("{\\"umid\\":\\"u-1\\",\\"destination\\":\\"6512345678\\",\\"encoding\\":\\"GSM7\\","
                                + "\\"status\\":{\\"code\\":\\"QUEUED\\",\\"description\\":\\"queued\\"}}")
                                .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                    String url = "http://127.0.0.1:" + server.getAddress().getPort();
                    try (Connect8x8Client client = Connect8x8Client.builder().apiKey("k").subAccountId("acme")
                            .smsBaseUrl(url).chatAppsBaseUrl(url).build()) {
                        SmsResult result = client.sms().send(Sms.builder().to("+6512345678").text("hi").build());
                        System.out.println("sent " + result.umid());
                    } finally {
                        server.stop(0);
                    }
                    try {
                        Class.forName("io.connect8x8.internal.Access").getMethod("raw", com.google.gson.JsonObject.class)
                                .invoke(null, new com.google.gson.JsonObject());
                        System.out.println("internal reachable");
                    } catch (IllegalAccessException e) {
                        System.out.println("internal closed");
                    }
                }
            }
            """;

    private static final String USER_INTERNAL = """
            package user.app;

            import io.connect8x8.internal.SpecEnums;

            public class Internal {
                Class<?> type = SpecEnums.class;
            }
            """;

    @TempDir
    Path temp;

    @Test
    void theDescriptorExportsTheApiPackagesOnlyAndOpensNothing() {
        Module module = Connect8x8Client.class.getModule();
        assertTrue(module.isNamed(), "the facade's tests run on the module path, as a named module");
        ModuleDescriptor descriptor = module.getDescriptor();
        assertEquals(MODULE, descriptor.name());
        assertEquals(API_PACKAGES, descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()));
        assertTrue(descriptor.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertEquals(Set.of(), descriptor.opens());
        assertFalse(descriptor.isOpen());
        assertTrue(descriptor.packages().contains("io.connect8x8.internal"));
    }

    @Test
    void aUserModuleCompilesAgainstTheApiAndSendsOnTheModulePath() throws Exception {
        Path classes = temp.resolve("classes");
        Compilation compilation = compile(List.of("--module-path", modulePath()), classes,
                source("module-info.java", USER_MODULE), source("user/app/Main.java", USER_API));
        assertEquals(List.of(), compilation.errors());
        assertTrue(compilation.success());

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", classes + File.pathSeparator + modulePath() + File.pathSeparator + gsonFire(),
                "--module", "user.app/user.app.Main")
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().filter(l -> l.startsWith("sent ") || l.startsWith("internal "))
                .toList();
        assertEquals(List.of("sent u-1", "internal closed"), lines, output);
    }

    @Test
    void aUserModuleCannotImportTheInternals() throws Exception {
        Compilation compilation = compile(List.of("--module-path", modulePath()), temp.resolve("classes"),
                source("module-info.java", USER_MODULE), source("user/app/Internal.java", USER_INTERNAL));

        assertFalse(compilation.success());
        assertEquals(List.of("compiler.err.package.not.visible"),
                compilation.errors().stream().map(Diagnostic::getCode).toList());
        String message = compilation.errors().get(0).getMessage(Locale.ROOT);
        assertTrue(message.contains("io.connect8x8.internal") && message.contains("does not export it"), message);
    }

    @Test
    void onTheClassPathTheSameImportCompiles() throws Exception {
        Compilation compilation = compile(List.of("--class-path", modulePath()), temp.resolve("classes"),
                source("user/app/Internal.java", USER_INTERNAL));

        assertEquals(List.of(), compilation.errors());
        assertTrue(compilation.success());
    }

    /** The facade's classes and the modules it requires, as Surefire put them on the module path. */
    private static String modulePath() {
        String path = System.getProperty("jdk.module.path");
        assertNotNull(path, "the facade's tests must run on the module path (Surefire's useModulePath)");
        return path;
    }

    /**
     * The one runtime dependency Surefire leaves on the class path: gson-fire, used by the generated client only (an
     * automatic module, whose needs no descriptor states, so nothing on the module path requires it). A user's
     * application has it with the other jars, on either path; here it joins the module path.
     */
    private static String gsonFire() throws Exception {
        return Path.of(io.gsonfire.GsonFireBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private Path source(String name, String code) throws IOException {
        Path file = temp.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, code, StandardCharsets.UTF_8);
        return file;
    }

    private static Compilation compile(List<String> path, Path out, Path... sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(path);
            options.addAll(List.of("-d", out.toString(), "-proc:none", "--release", "17"));
            boolean success = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(sources)).call();
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
            return new Compilation(success, errors);
        }
    }

    private record Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> errors) {
    }
}
