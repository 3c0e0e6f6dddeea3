package io.connect8x8.api;

/**
 * One parameter of an operation, as its OpenAPI document declares it.
 *
 * @param name the name on the wire, as written in the document
 * @param in where it goes: {@code path}, {@code query}, {@code header}, {@code form} (a multipart or form field)
 * @param required whether the document requires it
 * @param type the schema's type ({@code string}, {@code integer}, {@code boolean}, {@code array}, {@code file} for
 *     a binary form field), {@code string} when the schema names none
 * @param description the first sentence of the document's description, or empty
 */
public record ParameterInfo(String name, String in, boolean required, String type, String description) {
}
