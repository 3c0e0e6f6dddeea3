package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facade stays thin: its test class path is what an application depending only on it gets, and none of the
 * optional libraries the other modules bring (metrics, Spring, servlet, PostgreSQL) is on it. Every test of this
 * module, async and listener included, therefore runs without them.
 */
class OptionalDependenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"io.micrometer.observation.Observation", "io.micrometer.core.instrument.MeterRegistry",
            "org.springframework.context.ApplicationContext", "jakarta.servlet.Servlet", "org.postgresql.Driver"})
    void noOptionalLibraryIsOnTheFacadesClassPath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }
}
