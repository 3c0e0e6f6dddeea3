package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Local references whose JSON pointer is percent-escaped, as 8x8's published SMS document writes them
 * ({@code #/paths/~1api~1v1~1accounts~1%7BaccountId%7D~1prices/...}), resolve through the request path's decoder.
 */
class JsonRefsTest {

    private static final JsonNode DOCUMENT = Json.parse("""
            {"paths": {"/accounts/{accountId}/prices": {"get": {"answer": "prices"}}},
             "components": {"schemas": {"Café": {"answer": "café"}}}}
            """.getBytes(StandardCharsets.UTF_8));

    private static JsonNode ref(String target) {
        return Json.parse(("{\"$ref\": \"" + target + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void percentEscapesInAPointerAreDecoded() {
        JsonNode found = JsonRefs.resolve(DOCUMENT, ref("#/paths/~1accounts~1%7BaccountId%7D~1prices/get"));
        assertEquals("prices", found.path("answer").asText());
    }

    @Test
    void charactersOutsideAsciiAreTakenAsWrittenOrEscapedAsUtf8() {
        assertEquals("café", JsonRefs.resolve(DOCUMENT, ref("#/components/schemas/Café")).path("answer").asText());
        assertEquals("café", JsonRefs.resolve(DOCUMENT, ref("#/components/schemas/Caf%C3%A9")).path("answer").asText());
    }

    @Test
    void aBrokenEscapeOrAMissingTargetResolvesToNull() {
        assertNull(JsonRefs.resolve(DOCUMENT, ref("#/paths/~1accounts~1%7")));
        assertNull(JsonRefs.resolve(DOCUMENT, ref("#/paths/~1accounts~1%ZZ")));
        assertNull(JsonRefs.resolve(DOCUMENT, ref("#/components/schemas/Caf%E9")));
        assertNull(JsonRefs.resolve(DOCUMENT, ref("#/components/schemas/Tea")));
    }
}
