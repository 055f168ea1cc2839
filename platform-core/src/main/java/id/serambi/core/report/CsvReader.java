package id.serambi.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV as spreadsheets write it (RFC 4180 and what Excel does in Indonesia): an optional UTF-8 byte-order
 * mark, ';' or ',' as separator (whichever the header line uses outside quotes), quoted cells with doubled
 * quotes and line breaks inside, CRLF or LF. Each record keeps the line it starts on, for error messages.
 * Blank lines are skipped.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** One record: the line it starts on (1-based) and its cells. */
    public record Row(int line, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** What went wrong reading the text itself: a quote left open. */
    public static final class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line) {
            super("unclosed quote from line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Row> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separatorOf(body);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int line = 1;
        int rowStart = 1;
        int quoteStart = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cellWasQuoted = true;
                quoteStart = line;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(finish(cell, cellWasQuoted));
                cellWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(finish(cell, cellWasQuoted));
                cellWasQuoted = false;
                addRow(rows, rowStart, cells);
                cells = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new MalformedCsvException(quoteStart);
        }
        if (cell.length() > 0 || !cells.isEmpty() || cellWasQuoted) {
            cells.add(finish(cell, cellWasQuoted));
            addRow(rows, rowStart, cells);
        }
        return rows;
    }

    /** ';' when the first line has more semicolons than commas outside quotes, else ','. */
    static char separatorOf(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    public static Optional<Integer> indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String finish(StringBuilder cell, boolean quoted) {
        String value = quoted ? cell.toString() : cell.toString().strip();
        cell.setLength(0);
        return value;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells) {
        if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }
}
