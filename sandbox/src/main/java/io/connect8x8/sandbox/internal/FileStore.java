package io.connect8x8.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files uploaded to the Messaging Apps API ({@code Upload-File}), kept in memory until reset: downloadable with
 * their token ({@code Download-File} redirects to {@code /__files/{fileName}}) and sendable as a message's media URL.
 */
final class FileStore {

    /** The largest upload, as the live API's 413 answer implies (inferred: 100 MB would not fit a test's heap). */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

    /**
     * A stored file.
     *
     * @param fileName the name the simulator gave it
     * @param token the download token
     * @param contentType the part's Content-Type
     * @param bytes the content
     */
    record StoredFile(String fileName, String token, String contentType, byte[] bytes) {
    }

    /**
     * Stores the {@code file} part of a {@code multipart/form-data} upload.
     *
     * @param contentType the request's Content-Type, with its boundary
     * @param body the raw body
     * @return the stored file
     * @throws ApiError 400 code 1000 when the body is not multipart or has no {@code file} part
     */
    StoredFile upload(String contentType, byte[] body) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()) {
            throw ApiError.badRequest(1000, "Request Content-Type must be multipart/form-data with a boundary");
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(headers);
            if (name.find() && "file".equals(name.group(1))) {
                Matcher original = FILE_NAME.matcher(headers);
                String extension = "";
                if (original.find() && original.group(1).lastIndexOf('.') >= 0) {
                    extension = original.group(1).substring(original.group(1).lastIndexOf('.'))
                            .toLowerCase(Locale.ROOT);
                }
                String partType = "application/octet-stream";
                for (String line : headers.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                        partType = line.substring("content-type:".length()).trim();
                    }
                }
                byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
                if (content.length > MAX_FILE_BYTES) {
                    throw new ApiError(413, 1000, "File too large");
                }
                String fileName = Engine.newId().replace("-", "") + extension;
                StoredFile file = new StoredFile(fileName, Engine.newId().replace("-", ""), partType, content);
                files.put(fileName, file);
                return file;
            }
            at = next + 2;
        }
        throw ApiError.badRequest(1000, "Missing parameter file");
    }

    /**
     * A stored file by name.
     *
     * @param fileName the name
     * @return the file, or null
     */
    StoredFile get(String fileName) {
        return files.get(fileName);
    }

    /**
     * Checks a message's media URL when it points at this simulator's files: the file must exist. Other URLs are
     * the client's business, as for the live API.
     *
     * @param url the media URL
     * @param rootUrl the simulator's root URL
     * @throws ApiError 400 code 3008 when it names a file the simulator does not have
     */
    void checkMediaUrl(String url, String rootUrl) {
        if (rootUrl.isEmpty() || !url.startsWith(rootUrl + "/")) {
            return;
        }
        String path = url.substring(rootUrl.length());
        int query = path.indexOf('?');
        String plain = query < 0 ? path : path.substring(0, query);
        for (String prefix : new String[] {"/chatapps/files/", "/__files/"}) {
            if (plain.startsWith(prefix) && files.containsKey(plain.substring(prefix.length()))) {
                return;
            }
        }
        throw ApiError.badRequest(3008, "Invalid media URL: no uploaded file at " + url);
    }

    void clear() {
        files.clear();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
