package io.connect8x8.cli.internal;

import io.connect8x8.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells of a recipient file's CSV lines ({@code sms batch --file}, {@code whatsapp batch --file}; {@link CsvRows}
 * reads the file) and the {@code {name}} placeholders of a text, filled from a row's columns.
 */
public final class RecipientFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private RecipientFile() {
    }

    /**
     * Fills {@code {name}} placeholders from one row.
     *
     * @param text the text with placeholders
     * @param row the row's values by column name
     * @param rowNumber the row's position from 1, for the error message
     * @return the personalised text
     * @throws ValidationException (field {@code text}) naming a placeholder without a column
     */
    public static String fill(String text, Map<String, String> row, int rowNumber) {
        return fill("text", text, row, rowNumber);
    }

    /**
     * Refuses, before any row is read, a text whose placeholders name a column the file lacks: that is the command's
     * mistake, not a row's, so it stops the command (exit 2) instead of refusing every row.
     *
     * @param field the option, for the error
     * @param text the text with {@code {column}} placeholders
     * @param columns the file's columns
     * @throws ValidationException naming the placeholder
     */
    public static void checkPlaceholders(String field, String text, List<String> columns) {
        Map<String, String> empty = new java.util.HashMap<>();
        for (String column : columns) {
            empty.put(column, "");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!empty.containsKey(m.group(1).strip())) {
                throw new ValidationException(field, "placeholder {" + m.group(1) + "} has no column in the file");
            }
        }
    }

    private static String fill(String field, String text, Map<String, String> row, int rowNumber) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = row.get(m.group(1).strip());
            if (value == null) {
                throw new ValidationException(field, "placeholder {" + m.group(1) + "} has no column in the file"
                        + " (row " + rowNumber + ")");
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /**
     * Splits one CSV record: commas, double-quoted cells (which may hold commas and line breaks), and doubled quotes
     * inside them. A quote opens a quoted cell only at the cell's start (after spaces): elsewhere it is a character of
     * the cell, so {@code 5" screen} reads as written instead of swallowing the lines up to the next quote.
     */
    static List<String> parseCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        scan(line, false, cells);
        return cells;
    }

    /**
     * Whether a record's line ends inside a quoted cell, by the rules of {@link #parseCsvLine}: the next line belongs
     * to the record.
     *
     * @param line one line of the record
     * @param startsQuoted whether the line continues a quoted cell the previous line left open
     * @return whether a quoted cell is open at the line's end
     */
    static boolean endsInQuotedCell(CharSequence line, boolean startsQuoted) {
        return scan(line, startsQuoted, null);
    }

    /** Splits the text into {@code cells} when given; returns whether it ends inside a quoted cell. */
    private static boolean scan(CharSequence line, boolean startsQuoted, List<String> cells) {
        StringBuilder cell = new StringBuilder();
        boolean quoted = startsQuoted;
        boolean started = startsQuoted;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && !started) {
                quoted = true;
                started = true;
            } else if (c == ',') {
                if (cells != null) {
                    cells.add(cell.toString());
                }
                cell.setLength(0);
                started = false;
            } else {
                cell.append(c);
                started |= !Character.isWhitespace(c);
            }
        }
        if (cells != null) {
            cells.add(cell.toString());
        }
        return quoted;
    }
}
