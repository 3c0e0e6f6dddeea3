package io.connect8x8.specupdates;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the facade's sources against another version of 8x8's documents, run by the build (exec:java, see the
 * pom): javac over every {@code .java} file of the given source roots but {@code module-info.java}, with the module's
 * compile class path, into a directory of its own. A document that lacks something the hand-written code uses fails
 * the build with javac's errors, each naming the file, line and symbol.
 *
 * <p>Not maven-compiler-plugin: its compile goal re-points the module's artifact at any other output directory (and
 * warns), and its testCompile goal has the facade's own generated artifact on the class path, where a class the
 * version lacks would be found.
 */
public final class CompileCheck {

    private CompileCheck() {
    }

    /**
     * Compiles the sources.
     *
     * @param args the version's name (for the messages), the output directory, then the source roots
     * @throws IOException when the sources cannot be read or the classes written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: CompileCheck VERSION OUTPUT_DIR SOURCE_ROOT...");
        }
        String version = args[0];
        Path output = Path.of(args[1]);
        List<Path> sources = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            try (Stream<Path> files = Files.walk(Path.of(args[i]).toAbsolutePath().normalize())) {
                files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                        .forEach(sources::add);
            }
        }
        // A class of a source deleted since the last build must not stay behind.
        if (Files.exists(output)) {
            try (Stream<Path> old = Files.walk(output)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(output);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", output.toString(), "-classpath", classPath(), "--release", "17",
                    "-parameters", "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                StringBuilder message = new StringBuilder("the facade does not compile against the " + version
                        + " documents:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        message.append('\n').append(d.getSource() == null ? "" : d.getSource().getName() + ":"
                                + d.getLineNumber() + ": ").append(d.getMessage(Locale.ROOT));
                    }
                }
                throw new IllegalStateException(message.toString());
            }
        }
    }

    /** The module's compile class path, as exec:java gives it to this class. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!(loader instanceof URLClassLoader urls)) {
            throw new IllegalStateException("run by exec:java, whose class loader lists the class path");
        }
        for (URL url : urls.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("not a file on the class path: " + url, e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
