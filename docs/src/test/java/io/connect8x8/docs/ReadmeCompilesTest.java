package io.connect8x8.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} block of the root README, of {@code docs/*.md} and of every module's README compiles as
 * written against the modules users depend on, so that an example that no longer compiles fails the build.
 *
 * <p>A block is either statements, compiled as the body of a method, or members (it starts with an annotation, a
 * modifier or a type declaration: a test class, a Spring bean, a field), compiled as the body of a class. Each block
 * is its own class in its own package, extending {@link ReadmeGivens}, which declares the names examples use
 * without declaring them ({@code client}, {@code webhookSecret}, ...), and sees the imports below. A failure names
 * the file and the line of the README.
 */
class ReadmeCompilesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    /** A block of members starts with an annotation, a modifier or a type declaration. */
    private static final Pattern MEMBERS = Pattern.compile(
            "^(@|(public|protected|private|static|final|abstract|sealed)\\s|(class|record|interface|enum)\\s)");

    /** What every block sees: the modules' packages and the few other types the examples name. */
    private static final String IMPORTS = """
            import io.connect8x8.*;
            import io.connect8x8.api.*;
            import io.connect8x8.campaigns.*;
            import io.connect8x8.chatapps.*;
            import io.connect8x8.micrometer.*;
            import io.connect8x8.postgresql.*;
            import io.connect8x8.sandbox.*;
            import io.connect8x8.servlet.*;
            import io.connect8x8.sms.*;
            import io.connect8x8.spring.*;
            import io.connect8x8.webhooks.*;
            import io.connect8x8.docs.ReadmeGivens;
            import io.github.bucket4j.Bucket;
            import jakarta.servlet.ServletRegistration;
            import java.nio.file.Path;
            import java.time.Duration;
            import java.util.Map;
            import java.util.concurrent.CancellationException;
            import java.util.concurrent.CompletableFuture;
            import java.util.stream.Stream;
            import javax.sql.DataSource;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.extension.RegisterExtension;
            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.boot.test.context.SpringBootTest;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.event.EventListener;
            import org.springframework.stereotype.Component;
            import org.springframework.stereotype.Service;
            import static org.junit.jupiter.api.Assertions.*;
            """;

    @Test
    void everyJavaBlockOfTheReadmesCompiles() throws Exception {
        Path root = Path.of(System.getProperty("connect8x8.root")).toRealPath();
        List<Block> blocks = new ArrayList<>();
        for (Path markdown : markdownFiles(root)) {
            blocks.addAll(blocks(root, markdown));
        }
        Map<String, Long> perFile = blocks.stream()
                .collect(Collectors.groupingBy(Block::file, TreeMap::new, Collectors.counting()));
        // The pattern must keep finding the root README's examples (one per task) and the facade's.
        assertTrue(perFile.getOrDefault("README.md", 0L) >= 9, "the root README's Java blocks: " + perFile);
        assertTrue(perFile.getOrDefault("facade/README.md", 0L) >= 5, "the facade README's Java blocks: " + perFile);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("readme-classes");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = compiler.getTask(null, null, diagnostics,
                List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"),
                null, blocks.stream().map(Block::source).toList()).call();
        List<String> problems = diagnostics.getDiagnostics().stream().map(d -> describe(blocks, d)).toList();
        assertEquals(List.of(), problems, "README examples that do not compile (" + perFile + ")");
        assertTrue(compiled);
    }

    /** The root README, docs/*.md, and the README of every module (one or two levels down, examples included). */
    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String relative = root.relativize(p).toString().replace('\\', '/');
                        return !relative.contains("target/") && !relative.startsWith(".")
                                && (relative.endsWith("README.md") || relative.matches("docs/[^/]+\\.md"));
                    })
                    .sorted()
                    .toList();
        }
    }

    private static List<Block> blocks(Path root, Path markdown) throws IOException {
        String file = root.relativize(markdown).toString().replace('\\', '/');
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        String pkg = "readme." + (file.equals("README.md") ? "root"
                : file.replaceAll("\\.md$", "").replaceAll("[^A-Za-z0-9/]", "_").replace('/', '.'))
                .toLowerCase(Locale.ROOT);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(text);
        while (matcher.find()) {
            int firstLine = lineOf(text, matcher.start(1));
            blocks.add(new Block(file, firstLine, pkg + ".line" + firstLine, matcher.group(1)));
        }
        return blocks;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String describe(List<Block> blocks, Diagnostic<? extends JavaFileObject> diagnostic) {
        for (Block block : blocks) {
            if (diagnostic.getSource() != null && diagnostic.getSource().toUri().equals(block.source().toUri())) {
                long line = block.firstLine() + diagnostic.getLineNumber() - block.headerLines() - 1;
                return block.file() + ":" + line + ": " + diagnostic.getMessage(Locale.ROOT);
            }
        }
        return diagnostic.getKind() + ": " + diagnostic.getMessage(Locale.ROOT);
    }

    /**
     * One {@code java} block.
     *
     * @param file the Markdown file, relative to the root
     * @param firstLine the file's line of the block's first line
     * @param pkg the package its class is compiled in
     * @param code the block as written
     */
    private record Block(String file, int firstLine, String pkg, String code) {

        private boolean members() {
            return code.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("//"))
                    .findFirst()
                    .map(l -> MEMBERS.matcher(l).find())
                    .orElse(false);
        }

        private String header() {
            return "package " + pkg + ";\n" + IMPORTS
                    + "class Example extends ReadmeGivens {\n"
                    + (members() ? "" : "void example() throws Exception {\n");
        }

        private long headerLines() {
            return header().chars().filter(c -> c == '\n').count();
        }

        private JavaFileObject source() {
            String code = header() + code() + (members() ? "" : "}\n") + "}\n";
            URI uri = URI.create("string:///" + pkg.replace('.', '/') + "/Example.java");
            return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            };
        }
    }
}
