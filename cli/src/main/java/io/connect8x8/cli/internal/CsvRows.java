package io.connect8x8.cli.internal;

import io.connect8x8.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of a recipient file, read one line at a time so that a file of millions of rows is never held whole: one
 * number a line, or CSV whose header has a {@code to} column and other columns for per-message fields and
 * placeholders; a double-quoted cell may hold commas and line breaks. Blank lines and lines starting with {@code #}
 * are skipped, outside quoted cells. Reading it twice gives the same rows.
 */
public final class CsvRows implements AutoCloseable {

    /**
     * One row.
     *
     * @param line the line number in the file, from 1
     * @param to the number
     * @param values the row's values by column name (the number's column included); for plain numbers only "to"
     * @param problem why the row cannot be read (its column count differs from the header's), or null; such a row
     *     has no number and no values, and is refused alone when its message is made
     */
    public record Row(int line, String to, Map<String, String> values, String problem) {

        /**
         * Returns the row's values, or refuses a row that could not be read.
         *
         * @return the row's values by column name
         * @throws ValidationException (field {@code file}) naming the line, when the row could not be read
         */
        public Map<String, String> checkedValues() {
            if (problem != null) {
                throw new ValidationException("file", problem);
            }
            return values;
        }
    }

    /** The longest record a quoted cell may span lines to make: far beyond any message's text. */
    static final int MAX_RECORD_CHARS = 100_000;

    private final Path file;
    private final BufferedReader reader;
    private final List<String> header;
    private final int toColumn;
    private int lineNumber;

    private CsvRows(Path file) {
        this.file = file;
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ValidationException("file", "cannot read " + file + ": " + ReadFailure.reason(e));
        }
        String first;
        try {
            first = nextContentLine();
        } catch (UncheckedIOException e) {
            // The first read, before anything is sent: a path that opens but cannot be read (a directory) is the
            // user's input to fix, as a missing file is.
            close();
            throw new ValidationException("file", "cannot read " + file + ": " + ReadFailure.reason(e.getCause()));
        }
        if (first == null) {
            close();
            throw new ValidationException("file", file + " holds no recipients");
        }
        List<String> cells = RecipientFile.parseCsvLine(first).stream().map(String::strip).toList();
        int to = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).toLowerCase(Locale.ROOT).equals("to")) {
                to = i;
            }
        }
        if (to < 0 && cells.size() > 1) {
            close();
            throw new ValidationException("file", "a CSV file needs a header with a 'to' column");
        }
        this.header = to < 0 ? null : cells;
        this.toColumn = to;
        this.pending = to < 0 ? first : null;
    }

    private String pending;

    /**
     * Opens a file; the caller closes it.
     *
     * @param file the file, UTF-8
     * @return its rows
     * @throws ValidationException (field {@code file}) when unreadable, empty or without a 'to' column
     */
    public static CsvRows open(Path file) {
        return new CsvRows(file);
    }

    /**
     * Returns whether the file has a header (CSV), so rows carry named values.
     *
     * @return whether the file has a header (CSV), so rows carry named values
     */
    public boolean personalised() {
        return header != null;
    }

    /**
     * Returns the header's column names, empty for plain numbers.
     *
     * @return the header's column names, empty for plain numbers
     */
    public List<String> columns() {
        return header == null ? List.of() : header;
    }

    /**
     * The rows, lazily; a row that cannot be read carries its {@link Row#problem()} instead of failing the rest.
     *
     * @return an iterator reading the file as it goes
     */
    public Iterator<Row> rows() {
        return new Iterator<>() {
            private Row next = read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = read();
                return row;
            }
        };
    }

    private Row read() {
        String line = pending != null ? pending : nextContentLine();
        pending = null;
        if (line == null) {
            return null;
        }
        if (header == null) {
            return new Row(lineNumber, line, Map.of("to", line), null);
        }
        int first = lineNumber;
        line = withQuotedLineBreaks(line);
        List<String> cells = RecipientFile.parseCsvLine(line);
        if (cells.size() != header.size()) {
            return new Row(first, null, null, "line " + first + " has " + cells.size()
                    + " columns, the header " + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            values.put(header.get(c), cells.get(c).strip());
        }
        return new Row(first, cells.get(toColumn).strip(), values, null);
    }

    /**
     * Joins the lines of a record whose quoted cell holds line breaks (RFC 4180, as spreadsheets write a note of
     * several lines): reading such a cell a line at a time sent its first line alone and refused the rest as a row.
     * The lines inside the quotes are kept as they are, blank or starting with {@code #}, joined by {@code \n}.
     */
    private String withQuotedLineBreaks(String line) {
        if (!RecipientFile.endsInQuotedCell(line, false)) {
            return line;
        }
        int start = lineNumber;
        StringBuilder record = new StringBuilder(line);
        String next;
        do {
            next = nextLine();
            // Bounded, so that a stray quote cannot pull the rest of a file of millions of rows into one record.
            if (next == null || record.length() + next.length() >= MAX_RECORD_CHARS) {
                throw new ValidationException("file", "line " + start + " opens a quoted cell that never closes");
            }
            record.append('\n').append(next);
        } while (RecipientFile.endsInQuotedCell(next, true));
        return record.toString();
    }

    private String nextContentLine() {
        String line;
        while ((line = nextLine()) != null) {
            String stripped = line.replace("\uFEFF", "").strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return stripped;
            }
        }
        return null;
    }

    private String nextLine() {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (CharacterCodingException e) {
            // No line number: the reader decodes ahead of the line it returns. The count before a run reads the
            // whole file, so this is found before anything is sent.
            throw new ValidationException("file", file + " is not UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Counts the rows without keeping them (for the progress bar's total).
     *
     * @param file the file
     * @return the number of rows
     */
    public static long count(Path file) {
        try (CsvRows rows = open(file)) {
            long n = 0;
            String line;
            while ((line = rows.pending != null ? rows.pending : rows.nextContentLine()) != null) {
                rows.pending = null;
                if (rows.header != null) {
                    // Records as rows() reads them: a quoted cell that never closes stops the command before it sends.
                    rows.withQuotedLineBreaks(line);
                }
                n++;
            }
            return n;
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Read-only: nothing was lost.
        }
    }
}
