package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ApiKey#fromFile(Path)}: a file that cannot be read is named with the reason in words (it was the JDK's class
 * name, "NoSuchFileException"), and a malformed key in it is described, never shown.
 */
class ApiKeyFileTest {

    @TempDir
    Path temp;

    private static String refusal(Path file) {
        ValidationException e = assertThrows(ValidationException.class, () -> ApiKey.fromFile(file));
        return e.getMessage();
    }

    @Test
    void readsTheKeyWithoutItsTrailingNewline() throws IOException {
        Path file = Files.writeString(temp.resolve("key"), Fixtures.KEY + "\n");
        assertEquals(ApiKey.of(Fixtures.KEY), ApiKey.fromFile(file));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWithTheReasonInWords() throws IOException {
        Path missing = temp.resolve("no-such-key");
        assertEquals("apiKeyFile: cannot read " + missing + ": no such file", refusal(missing));
        assertEquals("apiKeyFile: cannot read " + temp + ": is a directory", refusal(temp));
        Path latin1 = Files.write(temp.resolve("latin1-key"), new byte[] {'k', (byte) 0xe9, 'y'});
        assertEquals("apiKeyFile: cannot read " + latin1 + ": not UTF-8 text", refusal(latin1));
    }

    /** A wrong path to a big file is refused after 4,096 bytes, not read whole into the heap. */
    @Test
    void aFileLargerThanAKeyFileIsRefusedUnread() throws IOException {
        Path most = Files.writeString(temp.resolve("long-key"), "k".repeat(4096));
        assertEquals(4096, ApiKey.fromFile(most).reveal().length());
        Path over = Files.writeString(temp.resolve("app.log"), "k".repeat(4097));
        assertEquals("apiKeyFile: cannot read " + over + ": larger than 4096 bytes, not a key file", refusal(over));
    }

    @Test
    void theOtherReasonsAreTheSystemsWordsWithoutThePath() {
        // Tests run as root here, which no file mode keeps out: the reasons are checked on the exceptions themselves.
        Path file = temp.resolve("key");
        assertEquals("permission denied", ApiKey.reason(file, new AccessDeniedException(file.toString())));
        assertEquals("Not a directory", ApiKey.reason(file,
                new FileSystemException(file.toString(), null, "Not a directory")));
        assertEquals("not UTF-8 text", ApiKey.reason(file, new MalformedInputException(1)));
        assertEquals("Input/output error", ApiKey.reason(file, new IOException("Input/output error")));
        assertEquals("an I/O error", ApiKey.reason(file, new IOException()));
    }

    @Test
    void aMalformedKeyIsDescribedNeverShown() throws IOException {
        Path file = Files.writeString(temp.resolve("bad-key"), "SeCrEt KeY\n");
        String message = refusal(file);
        assertEquals("apiKey: the API key contains whitespace at position 7 of 10", message);
        assertFalse(message.contains("SeCrEt"), message);
    }
}
