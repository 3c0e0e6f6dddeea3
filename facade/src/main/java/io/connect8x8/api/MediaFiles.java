package io.connect8x8.api;

import io.connect8x8.ValidationException;
import java.nio.file.Path;

/**
 * Files for chat-app media: upload one ({@code Upload-File}), download it ({@code Download-File}, its redirect
 * followed, the content in {@link ApiResult#bytes()}), and the URL a message sends it by; from
 * {@link Operations#files()}.
 */
public final class MediaFiles {

    private final Operations operations;

    MediaFiles(Operations operations) {
        this.operations = operations;
    }

    /**
     * Uploads a file to the Messaging Apps API.
     *
     * @param file a readable file
     * @return the answer: {@code fileName} and {@code token}
     * @throws ValidationException when the file is missing or not readable, before any I/O
     */
    public ApiResult upload(Path file) {
        return operations.call(OperationCall.of("messaging-apps:Upload-File").param("file", file));
    }

    /**
     * Downloads an uploaded file: its content in {@link ApiResult#bytes()}, its type in {@code contentType()}.
     *
     * @param upload the answer of {@link #upload(Path)}
     * @return the answer
     */
    public ApiResult download(ApiResult upload) {
        return operations.call(downloadCall(upload));
    }

    /**
     * {@return the absolute URL, with its token, an uploaded file is downloaded from: a message's media content}
     * Built by the document's own {@code Download-File}, as {@link #download(ApiResult)} would request it.
     *
     * @param upload the answer of {@link #upload(Path)}
     */
    public String url(ApiResult upload) {
        return operations.preview(downloadCall(upload)).url();
    }

    private OperationCall downloadCall(ApiResult upload) {
        String id = "messaging-apps:Download-File";
        OperationCall call = OperationCall.of(id).param("token", field(upload, "token"));
        // 8x8's earlier documents download by token alone (GET /api/v1/files?token=): the name only where declared.
        if (operations.operation(id).parameter("filename") != null) {
            call = call.param("filename", field(upload, "fileName"));
        }
        return call;
    }

    private static String field(ApiResult upload, String name) {
        return MessageCalls.required("upload", upload).raw().string(name).orElseThrow(
                () -> new ValidationException(name, "is missing from the upload's answer"));
    }
}
