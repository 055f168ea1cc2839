package id.serambi.core.post;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A side-by-side comparison of two texts: lines are matched by their longest common subsequence, and within a
 * line that changed, words are matched the same way, so the reader sees which words differ. The result is
 * plain text in segments; whoever renders it escapes it like any other text.
 */
public final class TextDiff {
    /** Past this many cells the LCS table costs too much memory; the differing middle is then shown whole. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    public enum Kind { SAME, CHANGED, REMOVED, ADDED }

    /** A run of text; {@code changed} marks what the other side does not have. */
    public record Segment(String text, boolean changed) {
    }

    /** One line of the side-by-side view: the left is empty for an added line, the right for a removed one. */
    public record Row(Kind kind, List<Segment> left, List<Segment> right) {
        public Row {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    private enum Op { EQUAL, DELETE, INSERT }

    private record Step(Op op, int left, int right) {
    }

    private TextDiff() {
    }

    /** The rows comparing {@code left} with {@code right}, line by line; blank lines are left out. */
    public static List<Row> sideBySide(String left, String right) {
        List<String> a = lines(left);
        List<String> b = lines(right);
        List<Step> steps = lcs(a, b);
        List<Row> rows = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Step step : steps) {
            switch (step.op()) {
                case DELETE -> removed.add(a.get(step.left()));
                case INSERT -> added.add(b.get(step.right()));
                case EQUAL -> {
                    flush(rows, removed, added);
                    String line = a.get(step.left());
                    rows.add(new Row(Kind.SAME, List.of(new Segment(line, false)), List.of(new Segment(line, false))));
                }
            }
        }
        flush(rows, removed, added);
        return rows;
    }

    /** Whether the rows show any difference. */
    public static boolean differs(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.kind() != Kind.SAME);
    }

    // Removed and added lines between two equal ones face each other: pairs become changed lines with their
    // words compared, the rest stand alone.
    private static void flush(List<Row> rows, List<String> removed, List<String> added) {
        int paired = Math.min(removed.size(), added.size());
        for (int i = 0; i < paired; i++) {
            rows.add(changedLine(removed.get(i), added.get(i)));
        }
        for (int i = paired; i < removed.size(); i++) {
            rows.add(new Row(Kind.REMOVED, List.of(new Segment(removed.get(i), true)), List.of()));
        }
        for (int i = paired; i < added.size(); i++) {
            rows.add(new Row(Kind.ADDED, List.of(), List.of(new Segment(added.get(i), true))));
        }
        removed.clear();
        added.clear();
    }

    private static Row changedLine(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Segment> left = new ArrayList<>();
        List<Segment> right = new ArrayList<>();
        for (Step step : lcs(a, b)) {
            switch (step.op()) {
                case EQUAL -> {
                    append(left, a.get(step.left()), false);
                    append(right, b.get(step.right()), false);
                }
                case DELETE -> append(left, a.get(step.left()), true);
                case INSERT -> append(right, b.get(step.right()), true);
            }
        }
        return new Row(Kind.CHANGED, left, right);
    }

    // Neighbouring tokens with the same mark join; a space between two changed words counts as changed.
    private static void append(List<Segment> segments, String text, boolean changed) {
        if (!segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            if (last.changed() == changed) {
                segments.set(segments.size() - 1, new Segment(last.text() + text, changed));
                return;
            }
        }
        segments.add(new Segment(text, changed));
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    // Classic LCS table over what remains after the common start and end are set aside.
    private static <T> List<Step> lcs(List<T> a, List<T> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            steps.add(new Step(Op.EQUAL, i, i));
        }
        int n = endA - start;
        int m = endB - start;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                steps.add(new Step(Op.DELETE, start + i, -1));
            }
            for (int j = 0; j < m; j++) {
                steps.add(new Step(Op.INSERT, -1, start + j));
            }
        } else {
            int[][] table = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    table[i][j] = a.get(start + i).equals(b.get(start + j)) ? table[i + 1][j + 1] + 1
                            : Math.max(table[i + 1][j], table[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n && j < m) {
                if (a.get(start + i).equals(b.get(start + j))) {
                    steps.add(new Step(Op.EQUAL, start + i++, start + j++));
                } else if (table[i + 1][j] >= table[i][j + 1]) {
                    steps.add(new Step(Op.DELETE, start + i++, -1));
                } else {
                    steps.add(new Step(Op.INSERT, -1, start + j++));
                }
            }
            while (i < n) {
                steps.add(new Step(Op.DELETE, start + i++, -1));
            }
            while (j < m) {
                steps.add(new Step(Op.INSERT, -1, start + j++));
            }
        }
        for (int k = 0; endA + k < a.size(); k++) {
            steps.add(new Step(Op.EQUAL, endA + k, endB + k));
        }
        return steps;
    }
}
