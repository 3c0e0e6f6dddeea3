package io.connect8x8.sandbox.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.api.ApiResult;
import io.connect8x8.sandbox.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, binary downloads: a file uploaded through {@code client.api()} comes back byte for byte from
 * {@code Download-File}, whose 302 to the file's content the client follows.
 */
class FileDownloadEndToEndTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder().build();

    @TempDir
    Path temp;

    @Test
    void anUploadedFileWithBytesThatAreNotUtf8DownloadsIdentically(Connect8x8Client client) throws Exception {
        byte[] content = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, (byte) 0xFF, (byte) 0xFE,
            (byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        ApiResult upload = client.api().files().upload(Files.write(temp.resolve("logo.png"), content));

        ApiResult download = client.api().files().download(upload);

        assertEquals(200, download.status());
        assertArrayEquals(content, download.bytes());
        assertEquals("", download.body());
        assertThrows(UnexpectedResponseException.class, download::json);
    }
}
