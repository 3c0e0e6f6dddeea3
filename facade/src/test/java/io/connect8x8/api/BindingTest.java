package io.connect8x8.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generic path ties a generated method's parameters to the document's by name (the generated artifacts compile
 * with -parameters): for every operation on the class path, each parameter the document declares is tied to one of
 * the generated method's, and nothing else but the body is left over.
 */
class BindingTest {

    @Test
    void everyOperationsParametersAreTiedByName() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<Catalog.Entry> entries = Catalog.of(getClass().getClassLoader()).entries();
        assertFalse(entries.isEmpty());
        for (Catalog.Entry entry : entries) {
            Object api = Class.forName(entry.document().apiClass()).getConstructor().newInstance();
            Set<String> bound = new TreeSet<>();
            // A slot of no name is the body.
            Bound.bind(entry, api, null).slots().forEach(slot -> bound.add(slot.name() == null ? "body" : slot.name()));
            bound.remove("body");
            Set<String> declared = new TreeSet<>();
            entry.info().parameters().forEach(p -> declared.add(p.name()));
            if (!bound.equals(declared)) {
                mismatches.add(entry.info().qualifiedId() + ": bound " + bound + ", declared " + declared);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyPatternOfTheDocumentsCompilesWhenTheCatalogLoads() {
        // The complete documents declare some (billingPeriod's); none may be dropped, or the client would not check it.
        List<String> dropped = new ArrayList<>();
        for (Catalog.Entry entry : Catalog.of(getClass().getClassLoader()).entries()) {
            for (var limits : entry.constraints().entrySet()) {
                boolean declared = limits.getValue() != null && limits.getValue().shown().contains("\"pattern\"");
                if (declared && limits.getValue().pattern() == null) {
                    dropped.add(entry.info().qualifiedId() + "." + limits.getKey());
                }
            }
        }
        assertEquals(List.of(), dropped);
    }

    @Test
    void aPatternJavaCannotCompileIsLeftToTheServerAndTheOtherLimitsStay() {
        Bound.Limits limits = Bound.Limits.of(JsonParser.parseString("{\"pattern\":\"(?<\",\"maxLength\":3}")
                .getAsJsonObject());
        assertNull(limits.pattern());
        assertEquals(BigDecimal.valueOf(3), limits.maxLength());
        assertEquals("{\"pattern\":\"(?<\",\"maxLength\":3}", limits.shown());
    }

    /** Each kind of limit is said in words; the documents' own (both bounds, a pattern) are in GenericPathTest. */
    @Test
    void aLimitWithOneBoundIsSaidInWords() {
        assertEquals("must be at least 3 characters long", limits("{\"minLength\":3}").problem("ab", null));
        assertEquals("must be at most 3 characters long", limits("{\"maxLength\":3}").problem("abcd", null));
        assertNull(limits("{\"maxLength\":3}").problem("abc", null));
        assertEquals("must be at least 1", limits("{\"minimum\":1}").problem("0", BigDecimal.ZERO));
        assertEquals("must be at most 2.5", limits("{\"maximum\":2.5}").problem("3", BigDecimal.valueOf(3)));
        assertNull(limits("{\"maximum\":2.5}").problem("3", null));  // not a number: no range to check
    }

    private static Bound.Limits limits(String json) {
        return Bound.Limits.of(JsonParser.parseString(json).getAsJsonObject());
    }
}
