package io.connect8x8.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareSpecSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SPECS = Path.of("..", "specs");

    @Test
    void aSetFilesPatchChangesTheDocumentAndABadOneNamesWhereItIs() throws IOException {
        JsonNode document = JSON.readTree("{\"paths\": {}, \"components\": {\"schemas\": {\"E\": {\"enum\": [\"A\"]}}}}");
        JsonNode patch = JSON.readTree("[{\"op\": \"add\", \"path\": \"/components/schemas/E/enum/-\", \"value\": \"B\"}]");

        assertEquals(JSON.readTree("{\"paths\": {}, \"components\": {\"schemas\": {\"E\": {\"enum\": [\"A\", \"B\"]}}}}"),
                PrepareSpecSet.patched(document, patch, "x.set.json: documents.sms.patch"));
        assertEquals(document, PrepareSpecSet.patched(document, JSON.missingNode(), "unused"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> PrepareSpecSet.patched(
                document, JSON.readTree("[{\"op\": \"remove\", \"path\": \"/nowhere\"}]"),
                "x.set.json: documents.sms.patch"));
        assertTrue(bad.getMessage().startsWith("x.set.json: documents.sms.patch: "), bad.getMessage());
    }

    @Test
    void referencesIntoPathsBecomeCopiesAndComponentReferencesStay() throws IOException {
        JsonNode document = JSON.readTree("""
                {"paths": {
                  "/a/{id}": {"parameters": [{"name": "id", "in": "path", "schema": {"$ref": "#/components/schemas/Id"}}],
                              "get": {"responses": {"200": {"$ref": "#/paths/~1b/get/responses/200"}}}},
                  "/b": {"get": {"responses": {"200": {"description": "ok"}}},
                         "parameters": [{"$ref": "#/paths/~1a~1%7Bid%7D/parameters/0"}]}},
                 "components": {"schemas": {"Id": {"type": "string"}}}}
                """);

        JsonNode prepared = PrepareSpecSet.inlinePathReferences(document);

        assertEquals(JSON.readTree("{\"description\": \"ok\"}"), prepared.at("/paths/~1a~1{id}/get/responses/200"));
        assertEquals(JSON.readTree("{\"name\": \"id\", \"in\": \"path\", \"schema\": {\"$ref\": \"#/components/schemas/Id\"}}"),
                prepared.at("/paths/~1b/parameters/0"));
        assertTrue(document.at("/paths/~1b/parameters/0/$ref").isTextual(), "the input is left as it was");
    }

    @Test
    void aCycleOrADanglingReferenceIsRefused() throws IOException {
        JsonNode cycle = JSON.readTree("{\"paths\": {\"/a\": {\"x\": {\"$ref\": \"#/paths/~1a/x\"}}}}");
        JsonNode dangling = JSON.readTree("{\"paths\": {\"/a\": {\"x\": {\"$ref\": \"#/paths/~1b\"}}}}");

        assertThrows(IllegalArgumentException.class, () -> PrepareSpecSet.inlinePathReferences(cycle));
        assertThrows(IllegalArgumentException.class, () -> PrepareSpecSet.inlinePathReferences(dangling));
    }

    @Test
    void thePublishedSetKeepsSubAccountIdOnEverySendAndNoPathReference(@TempDir Path out) throws IOException {
        PrepareSpecSet.main(new String[] {"published", SPECS.toString(), out.toString()});

        Path specs = out.resolve("resources/io/connect8x8/specs");
        // The two messaging documents (the verification document has no send operation).
        for (String name : new String[] {"sms", "messaging-apps"}) {
            String text = Files.readString(specs.resolve(name + ".json"), StandardCharsets.UTF_8);
            assertFalse(text.contains("\"#/paths/"), name + " still refers into #/paths/");
            JsonNode document = JSON.readTree(text);
            for (String path : new String[] {"/api/v1/subaccounts/{subAccountId}/messages",
                    "/api/v1/subaccounts/{subAccountId}/messages/batch"}) {
                JsonNode item = document.path("paths").path(path);
                assertTrue(declaresSubAccountId(item.path("parameters"))
                        || declaresSubAccountId(item.path("post").path("parameters")), name + " " + path);
            }
            assertTrue(Files.isRegularFile(out.resolve("generator/" + name + ".json")));
            // The generator's copy has no media-type examples (the generator warns about them); ours keeps them.
            JsonNode forGenerator = JSON.readTree(out.resolve("generator/" + name + ".openapi.json").toFile());
            assertEquals(0, mediaTypeExamples(forGenerator), name);
            assertTrue(mediaTypeExamples(document) > 0, name);
            assertEquals(PrepareSpecSet.withoutMediaTypeExamples(document), forGenerator, name);
        }
        assertEquals("""
                # The spec set this build was generated from.
                set=published
                sms.source=8x8-published/sms_api.json
                messaging-apps.source=8x8-published/business_messaging_api.json
                verification.source=8x8-published/verification_api.json
                """, Files.readString(specs.resolve("spec-set.properties"), StandardCharsets.UTF_8));
    }

    @Test
    void theOperationIndexNamesEachDocumentsApiHostAndDocument(@TempDir Path out) throws IOException {
        PrepareSpecSet.main(new String[] {"published", SPECS.toString(), out.toString()});
        PrepareSpecSet.main(new String[] {"guides", SPECS.toString(), out.toString()});

        assertEquals("""
                # the generated APIs of this artifact
                set=guides
                artifact=connect8x8-generated-client
                documents=sms,messaging-apps
                sms.api=io.connect8x8.generated.sms.api.SmsApi
                sms.host=sms
                sms.document=io/connect8x8/specs/sms.json
                sms.operations=io/connect8x8/specs/sms.operations.json
                messaging-apps.api=io.connect8x8.generated.messaging.api.MessagingApi
                messaging-apps.host=chatapps
                messaging-apps.document=io/connect8x8/specs/messaging-apps.json
                messaging-apps.operations=io/connect8x8/specs/messaging-apps.operations.json
                """, Files.readString(out.resolve("resources/META-INF/connect8x8/apis.properties"),
                StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(out.resolve("resources/io/connect8x8/specs/messaging-apps.json")));
        // The set prepared before into the same directory left nothing behind.
        assertFalse(Files.exists(out.resolve("resources/io/connect8x8/specs/verification.json")));
        assertFalse(Files.exists(out.resolve("generator/verification.openapi.json")));
    }

    @Test
    void anotherArtifactGetsItsOwnPackageRootAndResourceDirectory(@TempDir Path out) throws IOException {
        PrepareSpecSet.main(new String[] {"published", SPECS.toString(), out.toString(),
                "io.connect8x8.generated.published", "io/connect8x8/specs/published",
                "connect8x8-generated-published"});

        Properties index = new Properties();
        try (Reader in = Files.newBufferedReader(out.resolve("resources/META-INF/connect8x8/apis.properties"))) {
            index.load(in);
        }
        assertEquals("published", index.getProperty("set"));
        assertEquals("connect8x8-generated-published", index.getProperty("artifact"));
        assertEquals("io.connect8x8.generated.published.sms.api.SmsApi", index.getProperty("sms.api"));
        assertEquals("io.connect8x8.generated.published.messaging.api.MessagingApi",
                index.getProperty("messaging-apps.api"));
        for (String name : index.getProperty("documents").split(",")) {
            String document = index.getProperty(name + ".document");
            assertTrue(document.startsWith("io/connect8x8/specs/published/"), document);
            assertTrue(Files.isRegularFile(out.resolve("resources").resolve(document)), document);
        }
        assertFalse(Files.exists(out.resolve("resources/io/connect8x8/specs/sms.json")));
    }

    @Test
    void eachDocumentGetsAGeneratorSlotAndTheRestAreSkipped(@TempDir Path out) throws IOException {
        PrepareSpecSet.main(new String[] {"published", SPECS.toString(), out.toString()});

        assertEquals("""
                # The generator executions of generated-parent/pom.xml: one document each, in the set file's order; \
                the rest skipped.
                generated.slot1.name=sms
                generated.slot1.skip=false
                generated.slot2.name=messaging-apps
                generated.slot2.skip=false
                generated.slot3.name=verification
                generated.slot3.skip=false
                generated.slot4.name=unused-4
                generated.slot4.skip=true
                """, Files.readString(out.resolve("generator/slots.properties"), StandardCharsets.UTF_8));
        // The set's own mappings, plus the packages and the one API class per document.
        assertEquals(JSON.readTree("""
                {"invokerPackage": "io.connect8x8.generated.verification",
                 "apiPackage": "io.connect8x8.generated.verification.api",
                 "modelPackage": "io.connect8x8.generated.verification.model",
                 "openapiNormalizer": {"SET_TAGS_FOR_ALL_OPERATIONS": "Verification"}}
                """), JSON.readTree(out.resolve("generator/verification.json").toFile()));
        JsonNode sms = JSON.readTree(out.resolve("generator/sms.json").toFile());
        assertEquals("SmsEncoding", sms.at("/inlineSchemaNameMappings/SmsRequest_encoding").asText());
        assertEquals("io.connect8x8.generated.sms.model", sms.path("modelPackage").asText());
    }

    @Test
    void theVerificationDocumentIsReadAs30ForTheGeneratorAndKept31OnTheClassPath(@TempDir Path out)
            throws IOException {
        PrepareSpecSet.main(new String[] {"published", SPECS.toString(), out.toString()});

        JsonNode original = JSON.readTree(SPECS.resolve("8x8-published/verification_api.json").toFile());
        JsonNode onClassPath = JSON.readTree(out.resolve("resources/io/connect8x8/specs/verification.json").toFile());
        JsonNode forGenerator = JSON.readTree(out.resolve("generator/verification.openapi.json").toFile());
        assertEquals(original, onClassPath);
        assertEquals("3.0.3", forGenerator.path("openapi").asText());
        ObjectNode expected = (ObjectNode) PrepareSpecSet.withoutMediaTypeExamples(original);
        expected.put("openapi", "3.0.3");
        assertEquals(expected, forGenerator);
    }

    @Test
    void readingAs30IsRefusedForADocumentThatUses31Constructs() throws IOException {
        JsonNode typeList = JSON.readTree("""
                {"openapi": "3.1.0", "components": {"schemas": {"A": {"type": "object", "properties": {
                  "const": {"type": ["string", "null"]}}}}}}
                """);
        JsonNode constant = JSON.readTree("""
                {"openapi": "3.1.0", "components": {"schemas": {"A": {"type": "string", "const": "x"}}}}
                """);
        JsonNode plain = JSON.readTree("""
                {"openapi": "3.1.0", "components": {"schemas": {"A": {"type": "object", "properties": {
                  "const": {"type": "string"}, "if": {"type": "integer"}}}}}}
                """);

        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> PrepareSpecSet.readAs(typeList, "3.0.3", "x.readAsOpenApi"));
        IllegalArgumentException keyword = assertThrows(IllegalArgumentException.class,
                () -> PrepareSpecSet.readAs(constant, "3.0.3", "x.readAsOpenApi"));
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> PrepareSpecSet.readAs(plain, "3.1.0", "x.readAsOpenApi"));

        assertEquals("x.readAsOpenApi: the document uses a type list at #/components/schemas/A/properties/const/type,"
                + " which OpenAPI 3.0 does not have; generate it as 3.1.0 (drop x.readAsOpenApi)", list.getMessage());
        assertTrue(keyword.getMessage().contains("'const' at #/components/schemas/A/const"), keyword.getMessage());
        assertEquals("x.readAsOpenApi is '3.1.0', not a 3.0.x version", version.getMessage());
        // Property names that happen to be keywords are names.
        assertEquals("3.0.3", PrepareSpecSet.readAs(plain, "3.0.3", "x").path("openapi").asText());
    }

    @Test
    void aValueAddedToOneOfTheEnumsMappedOntoOneClassReachesTheClass(@TempDir Path specs, @TempDir Path out)
            throws IOException {
        // 8x8 adds UTF16 to the request's encoding only: the generator, which writes SmsEncoding once per mapped copy,
        // would keep whichever copy came last, and the facade could not send the new value.
        Files.writeString(specs.resolve("sms.json"), """
                {"openapi": "3.0.0", "paths": {}, "components": {"schemas": {
                  "SmsRequest": {"properties": {"encoding": {"type": "string", "enum": ["AUTO", "GSM7", "UTF16"]}}},
                  "SmsResponse": {"properties": {"encoding": {"type": "string", "enum": ["AUTO", "GSM7", "UCS2"]}}},
                  "SmsTemplateFull": {"properties": {"encoding": {"type": "string", "enum": ["AUTO", "GSM7"]}}}}}}
                """);
        Files.writeString(specs.resolve("enums.set.json"), """
                {"documents": {"sms": {"source": "sms.json", "host": "sms", "package": "sms", "api": "Sms",
                  "generator": {"inlineSchemaNameMappings": {"SmsResponse_encoding": "SmsEncoding",
                    "SmsRequest_encoding": "SmsEncoding", "SmsTemplateFull_encoding": "SmsEncoding"}}}}}
                """);

        PrepareSpecSet.main(new String[] {"enums", specs.toString(), out.toString()});

        JsonNode generator = JSON.readTree(out.resolve("generator/sms.openapi.json").toFile());
        JsonNode classPath = JSON.readTree(out.resolve("resources/io/connect8x8/specs/sms.json").toFile());
        JsonNode union = JSON.readTree("[\"AUTO\", \"GSM7\", \"UCS2\", \"UTF16\"]");
        for (String schema : new String[] {"SmsRequest", "SmsResponse", "SmsTemplateFull"}) {
            assertEquals(union, generator.at("/components/schemas/" + schema + "/properties/encoding/enum"), schema);
        }
        // What the sandbox and the contract tests validate against keeps 8x8's values per copy.
        assertEquals(JSON.readTree(Files.readString(specs.resolve("sms.json"))).path("components"),
                classPath.path("components"));
    }

    @Test
    void enumsMappedOntoOneClassThatSpellAValueInDifferentCasesAreRefused() throws IOException {
        JsonNode document = JSON.readTree("""
                {"components": {"schemas": {
                  "Sms_Request": {"properties": {"encoding": {"type": "string", "enum": ["AUTO", "GSM7"]}}},
                  "SmsResponse": {"properties": {"encoding": {"type": "string", "enum": ["auto", "GSM7"]}}},
                  "SmsTemplate": {"properties": {"encoding": {"type": "string", "enum": ["AUTO", "GSM7"]}}}}}}
                """);
        JsonNode same = JSON.readTree("{\"Sms_Request_encoding\": \"SmsEncoding\", \"SmsTemplate_encoding\": \"SmsEncoding\"}");
        JsonNode differ = JSON.readTree("{\"Sms_Request_encoding\": \"SmsEncoding\", \"SmsResponse_encoding\": \"SmsEncoding\"}");

        assertTrue(document == PrepareSpecSet.withSharedEnumsMerged(document, same, "x"), "unchanged: no copy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrepareSpecSet.withSharedEnumsMerged(document, differ, "x"));

        assertEquals("x maps Sms_Request_encoding [\"AUTO\",\"GSM7\"] and SmsResponse_encoding [\"auto\",\"GSM7\"]"
                + " onto one class, SmsEncoding, but they spell a value in different cases: map them to different"
                + " names (or ask 8x8 why they differ)", e.getMessage());
    }

    @Test
    void aDocumentWithoutAKnownHostIsRefusedNamingTheField(@TempDir Path specs, @TempDir Path out)
            throws IOException {
        Files.writeString(specs.resolve("doc.json"), "{\"openapi\": \"3.0.0\", \"paths\": {}}");
        Files.writeString(specs.resolve("bad.set.json"),
                "{\"documents\": {\"x\": {\"source\": \"doc.json\", \"host\": \"mail\", \"package\": \"x\","
                        + " \"api\": \"X\"}}}");
        Files.writeString(specs.resolve("nohost.set.json"),
                "{\"documents\": {\"x\": {\"source\": \"doc.json\", \"package\": \"x\", \"api\": \"X\"}}}");

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PrepareSpecSet.main(new String[] {"bad", specs.toString(), out.toString()}));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PrepareSpecSet.main(new String[] {"nohost", specs.toString(), out.toString()}));

        assertTrue(unknown.getMessage().endsWith("documents.x.host is 'mail', not one of [chatapps, sms, verify]"),
                unknown.getMessage());
        assertTrue(missing.getMessage().endsWith("documents.x.host is missing"), missing.getMessage());
    }

    private static int mediaTypeExamples(JsonNode document) {
        int found = 0;
        for (JsonNode pathItem : document.path("paths")) {
            for (JsonNode operation : pathItem) {
                found += examples(operation.path("requestBody"));
                for (JsonNode response : operation.path("responses")) {
                    found += examples(response);
                }
            }
        }
        return found;
    }

    private static int examples(JsonNode bodyOrResponse) {
        int found = 0;
        for (JsonNode mediaType : bodyOrResponse.path("content")) {
            found += (mediaType.has("example") ? 1 : 0) + (mediaType.has("examples") ? 1 : 0);
        }
        return found;
    }

    private static boolean declaresSubAccountId(JsonNode parameters) {
        for (JsonNode parameter : parameters) {
            if ("subAccountId".equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anUnknownSetIsNamedInTheError(@TempDir Path out) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrepareSpecSet.main(new String[] {"nosuch", SPECS.toString(), out.toString()}));

        assertTrue(e.getMessage().contains("unknown spec set 'nosuch'"), e.getMessage());
    }
}
