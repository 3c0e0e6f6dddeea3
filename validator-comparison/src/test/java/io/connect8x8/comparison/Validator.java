package io.connect8x8.comparison;

import java.util.Set;

/**
 * One OpenAPI validator under comparison, bound to one document. Its findings are normalised to the fields they
 * name, written as dotted paths without array indexes ({@code destination}, {@code messages.encoding},
 * {@code user.msisdn}), {@code (body)} for the body as a whole, so that the three libraries' reports compare.
 */
interface Validator {

    /**
     * Validates a request's body.
     *
     * @param request the request
     * @return the fields named by its findings; empty when it conforms
     */
    Set<String> findings(Request request);

    /**
     * A request to validate.
     *
     * @param pathTemplate the operation's path in the document
     * @param path the path sent
     * @param body the body sent
     */
    record Request(String pathTemplate, String path, String body) {
    }

    /** Builds a validator from a document. */
    interface Factory {

        /**
         * The library's name in the report.
         *
         * @return the name
         */
        String name();

        /**
         * Parses a document.
         *
         * @param api {@code sms} or {@code chatapps}
         * @param document the document's JSON text
         * @return the validator of that document
         * @throws Exception if the library cannot read the document
         */
        Validator bind(String api, String document) throws Exception;
    }

    /**
     * A dotted field path from a JSON pointer or a JSONPath-like location: array indexes and the root marker go.
     *
     * @param location {@code /messages/0/destination}, {@code $.messages[0].destination}, ...
     * @return {@code messages.destination}, or {@code (body)} for the root
     */
    static String field(String location) {
        String dotted = location.replaceAll("\\[\\d+]", "").replaceAll("^\\$", "").replace('/', '.')
                .replaceAll("\\.\\d+(?=\\.|$)", "").replaceAll("^\\.+", "");
        return dotted.isEmpty() ? "(body)" : dotted;
    }
}
