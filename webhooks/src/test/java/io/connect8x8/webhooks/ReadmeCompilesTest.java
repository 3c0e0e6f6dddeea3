package io.connect8x8.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} block of the root README compiles as written against the facade and this module (the most a
 * README example uses; here, downstream of the facade, both are on the class path): each block becomes the body of a
 * method (with a {@code client} parameter unless the block builds its own), with the API packages imported.
 */
class ReadmeCompilesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws Exception {
        Path readme = Path.of(System.getProperty("connect8x8.specs.dir"), "..", "README.md");
        Matcher matcher = JAVA_BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
        List<JavaFileObject> sources = new ArrayList<>();
        while (matcher.find()) {
            String block = matcher.group(1);
            String parameters = block.contains("Connect8x8Client.builder()") ? "" : "Connect8x8Client client";
            String name = "ReadmeBlock" + sources.size();
            sources.add(source(name, """
                    import io.connect8x8.*;
                    import io.connect8x8.chatapps.*;
                    import io.connect8x8.sms.*;
                    import io.connect8x8.webhooks.*;
                    import java.time.Duration;
                    import java.util.concurrent.CompletableFuture;
                    class %s {
                        void example(%s) throws Exception {
                    %s
                        }
                    }
                    """.formatted(name, parameters, block)));
        }
        assertTrue(sources.size() >= 3, "expected the README's Java examples, found " + sources.size());

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("readme-classes");
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null,
                List.of("-d", out.toString(), "-classpath", classPath(), "-proc:none"),
                null, sources).call();
        assertEquals("", diagnostics.toString());
        assertTrue(compiled);
    }

    /**
     * What a class-path user compiles against: the test class path (and the module path, should these tests run on
     * one).
     */
    private static String classPath() {
        String modulePath = System.getProperty("jdk.module.path");
        String classPath = System.getProperty("java.class.path");
        return modulePath == null ? classPath : modulePath + File.pathSeparator + classPath;
    }

    private static JavaFileObject source(String name, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
