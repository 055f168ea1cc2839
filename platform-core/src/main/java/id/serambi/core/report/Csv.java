package id.serambi.core.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads Indonesian text right).
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe: audit
 * details and complaint texts come from users, and an export must not become an attack on its reader.
 */
public final class Csv {
    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    public static String document(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM).append(line(header));
        rows.forEach(row -> out.append(line(row)));
        return out.toString();
    }

    static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
