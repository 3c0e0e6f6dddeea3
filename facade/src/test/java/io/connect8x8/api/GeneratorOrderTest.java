package io.connect8x8.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generic path ties a generated method's parameters to the document's by name (the generated client is compiled
 * with -parameters), and by the generator's order for an artifact compiled without: for every operation on the class
 * path, both give the same binding.
 */
class GeneratorOrderTest {

    @Test
    void theGeneratorsOrderTiesEveryOperationAsTheNamesDo() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<Catalog.Entry> entries = Catalog.of(getClass().getClassLoader()).entries();
        assertFalse(entries.isEmpty());
        for (Catalog.Entry entry : entries) {
            Class<?> api = Class.forName(entry.document().apiClass());
            List<String> byName = Bound.bind(entry, api, null).parameterNames();
            List<String> expected = new ArrayList<>();
            for (String name : entry.generatorOrder()) {
                expected.add(entry.info().parameter(name) == null ? "body" : name);
            }
            if (!byName.equals(expected)) {
                mismatches.add(entry.info().qualifiedId() + ": by name " + byName + ", by order " + expected);
            }
            for (Method m : api.getMethods()) {
                if (m.getName().endsWith("Call") && m.getParameterCount() > 1) {
                    assertEquals(true, m.getParameters()[0].isNamePresent(), m.getName());
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
