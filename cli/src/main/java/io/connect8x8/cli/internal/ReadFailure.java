package io.connect8x8.cli.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file the user named could not be read, in words for a one-line message: the JDK's exceptions name the
 * problem only by their class ({@code NoSuchFileException}) or repeat the path as their message.
 */
public final class ReadFailure {

    private ReadFailure() {
    }

    /**
     * The reason, such as {@code no such file}, {@code permission denied} or the operating system's own words
     * ({@code Is a directory}). Never the file's content: none of these messages hold it.
     *
     * @param e the failure of reading the file
     * @return the reason, without the path
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            // MalformedInputException's message is only "Input length = 1".
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "an I/O error";
    }
}
