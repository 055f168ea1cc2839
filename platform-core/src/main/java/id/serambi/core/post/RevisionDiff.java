package id.serambi.core.post;

import java.util.List;

/**
 * Two revisions of a post side by side, field by field, in the order the edit form shows them. The body is
 * compared as its text (paragraphs and lines), since markup differences mean nothing to a reader.
 */
public record RevisionDiff(PostRevision from, PostRevision to, List<Field> fields) {
    public RevisionDiff {
        fields = List.copyOf(fields);
    }

    /** One field: its form name ({@code title}, {@code bodyHtml}, …) and the rows comparing it. */
    public record Field(String name, List<TextDiff.Row> rows) {
        public Field {
            rows = List.copyOf(rows);
        }

        public boolean changed() {
            return TextDiff.differs(rows);
        }
    }

    public Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
