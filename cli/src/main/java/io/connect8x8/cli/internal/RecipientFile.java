package io.connect8x8.cli.internal;

import io.connect8x8.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recipients of {@code sms batch --file}: either one number a line, or CSV whose header has a {@code to}
 * column (the number) and other columns that fill {@code {name}} placeholders of the text. Blank lines and lines
 * starting with {@code #} are skipped.
 *
 * @param numbers the numbers, in file order
 * @param rows for CSV, each row's values by column name (the {@code to} column included); empty for plain numbers
 */
public record RecipientFile(List<String> numbers, List<Map<String, String>> rows) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    /**
     * Makes the recipients with their own unmodifiable copies of the lists: a command reads them while it sends.
     *
     * @param numbers the numbers, in file order
     * @param rows for CSV, each row's values by column name; empty for plain numbers
     * @throws NullPointerException when a list, or an element of one, is null
     */
    public RecipientFile {
        numbers = List.copyOf(numbers);
        rows = List.copyOf(rows);
    }

    /**
     * Returns whether the file was CSV with columns to personalise the text.
     *
     * @return whether the file was CSV with columns to personalise the text
     */
    public boolean personalised() {
        return !rows.isEmpty();
    }

    /**
     * Reads a file.
     *
     * @param file the file, UTF-8
     * @return its recipients
     * @throws ValidationException (field {@code file}) when unreadable or malformed
     */
    public static RecipientFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ValidationException("file", "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        List<String> content = lines.stream().map(l -> l.replace("\uFEFF", "").strip())
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (content.isEmpty()) {
            throw new ValidationException("file", file + " holds no recipients");
        }
        List<String> header = parseCsvLine(content.get(0)).stream()
                .map(h -> h.strip()).toList();
        int toColumn = indexOfTo(header);
        if (toColumn < 0) {
            if (header.size() > 1) {
                throw new ValidationException("file", "a CSV file needs a header with a 'to' column");
            }
            return new RecipientFile(content, List.of());
        }
        List<String> numbers = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < content.size(); i++) {
            List<String> cells = parseCsvLine(content.get(i));
            if (cells.size() != header.size()) {
                throw new ValidationException("file", "line " + (i + 1) + " has " + cells.size()
                        + " columns, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c).strip());
            }
            numbers.add(cells.get(toColumn).strip());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new ValidationException("file", file + " has a header but no rows");
        }
        return new RecipientFile(numbers, rows);
    }

    private static int indexOfTo(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals("to")) {
                return i;
            }
        }
        return -1;
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
