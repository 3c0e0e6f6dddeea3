package io.connect8x8.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a document: its id, method and path template, and the pattern that matches a request path to it.
 * Read from the document, never written per operation.
 */
public final class Operation {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    final Documents.Document document;
    final String id;
    final String method;
    final String template;
    final io.swagger.v3.oas.models.Operation model;
    private final Pattern pattern;
    private final List<String> names;
    /** How many of the template's segments are literal: the more, the more specific, the earlier it is tried. */
    final int literals;

    private Operation(Documents.Document document, String method, String template,
                      io.swagger.v3.oas.models.Operation model) {
        this.document = document;
        this.method = method;
        this.template = template;
        this.model = model;
        this.id = model.getOperationId() == null ? method + " " + template : model.getOperationId();
        List<String> parameterNames = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("([^/]+)");
            parameterNames.add(parameter.group(1));
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        this.pattern = Pattern.compile(regex.toString());
        this.names = List.copyOf(parameterNames);
        int literal = 0;
        for (String segment : template.split("/")) {
            if (!segment.isEmpty() && !segment.contains("{")) {
                literal++;
            }
        }
        this.literals = literal;
    }

    static List<Operation> all(Documents.Document document) {
        List<Operation> operations = new ArrayList<>();
        if (document.api.getPaths() == null) {
            return operations;
        }
        document.api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, model) ->
                operations.add(new Operation(document, method.name(), template, model))));
        return operations;
    }

    /**
     * Returns the operationId as the document writes it.
     *
     * @return the operationId as the document writes it
     */
    public String id() {
        return id;
    }

    /**
     * Returns the HTTP method, upper case.
     *
     * @return the HTTP method, upper case
     */
    public String method() {
        return method;
    }

    /**
     * Returns the path template, e.g. {@code /api/v1/subaccounts/{subAccountId}/messages/{umid}}.
     *
     * @return the path template
     */
    public String template() {
        return template;
    }

    /**
     * Returns the document it belongs to.
     *
     * @return the document it belongs to
     */
    public Documents.Document document() {
        return document;
    }

    /**
     * The id the simulator's state handlers know it by: lower case, without the numeric suffix the documents add
     * to an id another document of 8x8 already uses ({@code cancel-scheduled-message-1}, {@code Get-Webhooks-2}).
     *
     * @return e.g. {@code cancel-scheduled-message}
     */
    String handlerId() {
        return id.toLowerCase(Locale.ROOT).replaceFirst("-\\d+$", "");
    }

    /**
     * The path parameters of a request path, or null when the path is not this operation's.
     *
     * @param path the path below the host's base URL, percent-decoded already (by the request's channel)
     * @return the parameters by name, as they stand in the path (decoding them again would turn a {@code %25} in
     *     the request into a broken escape, and a {@code %2B} into a space)
     */
    Map<String, String> match(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), matcher.group(i + 1));
        }
        return values;
    }

    /** The operation as a log or a test name shows it: method, template and id. */
    @Override
    public String toString() {
        return method + " " + template + " (" + id + ")";
    }
}
