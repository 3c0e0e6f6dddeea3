package io.connect8x8.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operation's artifact is the one its index names (the building module's artifactId), whatever package its
 * generated API is in; and the hint of a missing operation names the published artifact only when no set on the
 * class path is 8x8's complete one.
 */
class CatalogTest {

    /** What spec-tools' OperationIndex writes for a document of one operation. */
    private static final String OPERATIONS = """
            [{"operationId": "get-balance", "method": "GET", "path": "/balance", "parameters": [],
              "bodyRequired": false, "summary": "Balance", "redirects": false}]
            """;

    @Test
    void anOperationIsLabelledWithTheArtifactItsIndexNames(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = loader(dir, "earlier", "connect8x8-spec-updates")) {
            Catalog catalog = Catalog.of(loader);
            assertEquals(List.of("connect8x8-spec-updates"),
                    catalog.operations().stream().map(OperationInfo::artifact).toList());
            OperationNotFoundException e = assertThrows(OperationNotFoundException.class,
                    () -> catalog.find("no-such-operation"));
            assertEquals("operation 'no-such-operation' is not in the generated artifacts on the class path "
                    + "(connect8x8-spec-updates, 1 operations); 8x8's complete SMS, Messaging Apps and Verification "
                    + "documents ship as io.connect8x8:connect8x8-generated-published: add that dependency (its "
                    + "version is in connect8x8-bom)", e.getMessage());
        }
    }

    @Test
    void theCompleteDocumentsInTheDefaultArtifactNeedNoOtherArtifact(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = loader(dir, "published", "connect8x8-generated-client")) {
            Catalog catalog = Catalog.of(loader);
            assertEquals("connect8x8-generated-client", catalog.find("sms:get-balance").info().artifact());
            OperationNotFoundException e = assertThrows(OperationNotFoundException.class,
                    () -> catalog.find("no-such-operation"));
            assertEquals("operation 'no-such-operation' is not in the generated artifacts on the class path "
                    + "(connect8x8-generated-client, 1 operations); `connect8x8 api --list` lists the operations "
                    + "there are", e.getMessage());
        }
    }

    /** A class loader that sees one artifact's index and its operations (no parent: not the facade's artifacts). */
    private static URLClassLoader loader(Path dir, String set, String artifact) throws IOException {
        Files.createDirectories(dir.resolve("META-INF/connect8x8"));
        Files.writeString(dir.resolve("META-INF/connect8x8/apis.properties"), "set=" + set + "\nartifact=" + artifact
                + "\ndocuments=sms\nsms.api=io.connect8x8.generated.sms.api.SmsApi\nsms.host=sms\n"
                + "sms.operations=specs/sms.operations.json\n");
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/sms.operations.json"), OPERATIONS);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }
}
