package io.connect8x8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * An 8x8 API key: the only type that holds it, redacted by {@link #toString()}, never in an exception message, log
 * line or request preview. A key with whitespace or control characters inside is refused, because it would corrupt
 * the {@code Authorization} header.
 */
public final class ApiKey {

    /** The environment variable {@link #fromEnvironment()} reads. */
    public static final String ENVIRONMENT_VARIABLE = "CONNECT8X8_API_KEY";

    /** The largest key file read: a key is some tens of characters. */
    private static final int MAX_FILE_BYTES = 4096;

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /**
     * Wraps a key.
     *
     * @param key the key; surrounding whitespace is trimmed
     * @return the key
     * @throws ValidationException when the key is empty or holds whitespace, control or non-ASCII characters
     */
    public static ApiKey of(String key) {
        if (key == null || key.isBlank()) {
            throw new ValidationException("apiKey", "the API key is missing or empty");
        }
        String trimmed = key.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new ValidationException("apiKey", "the API key contains "
                        + (Character.isISOControl(c) ? "a control character" : "whitespace")
                        + " at position " + (i + 1) + " of " + trimmed.length());
            }
            if (c > 0x7e) {
                throw new ValidationException("apiKey", "the API key contains a non-ASCII character at position "
                        + (i + 1) + " of " + trimmed.length());
            }
        }
        return new ApiKey(trimmed);
    }

    /**
     * Reads the key from the environment variable {@value #ENVIRONMENT_VARIABLE}.
     *
     * @return the key
     * @throws ValidationException when the variable is unset or the key malformed
     */
    public static ApiKey fromEnvironment() {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new ValidationException("apiKey", "no API key given and " + ENVIRONMENT_VARIABLE + " is not set");
        }
        return of(value);
    }

    /**
     * Reads the key from a file holding only the key (a trailing newline is fine).
     *
     * @param file the file
     * @return the key
     * @throws ValidationException when the file cannot be read (field {@code apiKeyFile}: its path and the reason, such
     *     as {@code no such file}, {@code is a directory}, {@code permission denied}, {@code not UTF-8 text} or larger than
     *     4,096 bytes) or the
     *     key is malformed (field {@code apiKey}); neither message holds the file's content
     */
    public static ApiKey fromFile(Path file) {
        if (file == null) {
            throw new ValidationException("apiKeyFile", "is required");
        }
        String content;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded: a wrong path (a log, /dev/zero) must not fill the heap before the key check refuses it.
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ValidationException("apiKeyFile", "cannot read " + file + ": larger than " + MAX_FILE_BYTES
                        + " bytes, not a key file");
            }
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new ValidationException("apiKeyFile", "cannot read " + file + ": " + reason(file, e));
        } catch (SecurityException e) {
            throw new ValidationException("apiKeyFile", "cannot read " + file + ": permission denied");
        }
        return of(content);
    }

    /**
     * Why a key file could not be read, in words: the JDK's exceptions say it by their class alone
     * ({@code NoSuchFileException}) or repeat the path. None of these messages holds the file's content.
     */
    static String reason(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        // Asked first: reading a directory fails as a plain "Is a directory" on Linux, as access denied on Windows.
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            // MalformedInputException's message is only "Input length = 1".
            return "not UTF-8 text";
        }
        String words = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return words != null ? words : "an I/O error";
    }

    /** {@return the key itself, for the {@code Authorization} header: keep it out of logs} */
    public String reveal() {
        return secret;
    }

    /** {@return {@code ApiKey[redacted]}, never the key} */
    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }

    /** Compares keys in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), key.secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return secret.length();
    }
}
