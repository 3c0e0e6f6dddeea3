package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facade's internals are not part of its API: no public constructor or static factory of a public type takes
 * or returns an internal type (the generated types appear only through the {@link GeneratedApis} escape hatch),
 * and no other module of the build (the unpublished benchmarks aside) references {@code io.connect8x8.internal}.
 */
class InternalsClosedTest {

    private static final List<String> PUBLIC_PACKAGES = List.of("io/connect8x8/", "io/connect8x8/sms/",
            "io/connect8x8/chatapps/", "io/connect8x8/api/");

    @Test
    void noPublicConstructorOrFactoryOfAPublicTypeTakesAnInternalOrGeneratedType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            List<Executable> entries = new ArrayList<>(List.of(type.getConstructors()));
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type) {
                    entries.add(m);
                }
            }
            for (Executable e : entries) {
                for (Class<?> p : e.getParameterTypes()) {
                    if (isHidden(p)) {
                        leaks.add(type.getName() + ": " + e);
                    }
                }
            }
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() == type && isInternal(m.getReturnType())) {
                    leaks.add(type.getName() + ": " + m);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void noOtherModuleReferencesTheFacadesInternals() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path sources = module.resolve("src");
                // The benchmarks (never published) measure an internal reader on its own, as white-box code may.
                if (List.of("facade", "benchmarks").contains(module.getFileName().toString())
                        || !Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        if (Files.readString(file).contains("io.connect8x8.internal.")) {
                            offenders.add(root.relativize(file).toString());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean isInternal(Class<?> type) {
        return type.getName().startsWith("io.connect8x8.internal.");
    }

    private static boolean isHidden(Class<?> type) {
        return isInternal(type) || type.getName().startsWith("io.connect8x8.generated.");
    }

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Connect8x8Client.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : PUBLIC_PACKAGES) {
            try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = pkg.replace('/', '.') + f.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(name, false, InternalsClosedTest.class.getClassLoader());
                    if (Modifier.isPublic(type.getModifiers())) {
                        types.add(type);
                    }
                }
            }
        }
        return types;
    }
}
