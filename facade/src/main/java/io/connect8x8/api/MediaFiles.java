package io.connect8x8.api;

import io.connect8x8.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files for chat-app media ({@code Upload-File}): upload one, and the URL a message sends it by, for example
 * {@code ChatMessage.builder().to(..).image(files.url(upload), "caption")}. From {@link Operations#files()}.
 */
public final class MediaFiles {

    private final Operations operations;
    private final String chatAppsBaseUrl;

    MediaFiles(Operations operations, String chatAppsBaseUrl) {
        this.operations = operations;
        this.chatAppsBaseUrl = chatAppsBaseUrl;
    }

    /**
     * Uploads a file to the Messaging Apps API.
     *
     * @param file a readable file
     * @return the answer: {@code fileName} and {@code token}
     * @throws ValidationException when the file is not readable, before any I/O
     */
    public ApiResult upload(Path file) {
        if (file == null || !Files.isReadable(file) || Files.isDirectory(file)) {
            throw new ValidationException("file", "must be a readable file");
        }
        return operations.call(OperationCall.of("messaging-apps:Upload-File").param("file", file));
    }

    /**
     * The URL an uploaded file is downloaded from ({@code Download-File}), for a message's media content.
     *
     * @param upload the answer of {@link #upload(Path)}
     * @return the absolute URL, with its token
     * @throws ValidationException when the answer has no {@code fileName} or {@code token}
     */
    public String url(ApiResult upload) {
        String name = upload.raw().string("fileName").orElseThrow(
                () -> new ValidationException("fileName", "is missing from the upload's answer"));
        String token = upload.raw().string("token").orElseThrow(
                () -> new ValidationException("token", "is missing from the upload's answer"));
        return chatAppsBaseUrl + "/files/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
