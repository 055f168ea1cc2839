package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.serambi.core.post.TextDiff.Kind;
import id.serambi.core.post.TextDiff.Row;
import id.serambi.core.post.TextDiff.Segment;

class TextDiffTest {

    @Test
    void equal_lines_stay_side_by_side_and_a_changed_line_marks_only_its_changed_words() {
        List<Row> rows = TextDiff.sideBySide("Rapat koordinasi\nDihadiri 20 peserta.\nSelesai.",
                "Rapat koordinasi\nDihadiri 25 peserta.\nSelesai.");

        assertThat(rows).extracting(Row::kind).containsExactly(Kind.SAME, Kind.CHANGED, Kind.SAME);
        assertThat(rows.get(1).left()).containsExactly(new Segment("Dihadiri ", false), new Segment("20", true),
                new Segment(" peserta.", false));
        assertThat(rows.get(1).right()).containsExactly(new Segment("Dihadiri ", false), new Segment("25", true),
                new Segment(" peserta.", false));
    }

    @Test
    void added_and_removed_lines_face_an_empty_side() {
        List<Row> rows = TextDiff.sideBySide("satu\ndua\ntiga", "satu\ntiga\nempat");

        assertThat(rows).extracting(Row::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.SAME, Kind.ADDED);
        assertThat(rows.get(1).left()).containsExactly(new Segment("dua", true));
        assertThat(rows.get(1).right()).isEmpty();
        assertThat(rows.get(3).left()).isEmpty();
        assertThat(rows.get(3).right()).containsExactly(new Segment("empat", true));
    }

    @Test
    void blank_lines_and_missing_text_are_nothing_to_compare() {
        assertThat(TextDiff.sideBySide(null, "")).isEmpty();
        assertThat(TextDiff.sideBySide("a\n\n  \nb", "a\nb")).extracting(Row::kind).containsExactly(Kind.SAME, Kind.SAME);
        assertThat(TextDiff.differs(TextDiff.sideBySide("a", "a"))).isFalse();
        assertThat(TextDiff.differs(TextDiff.sideBySide(null, "a"))).isTrue();
    }

    @Test
    void markup_in_the_text_is_kept_as_text_for_the_renderer_to_escape() {
        List<Row> rows = TextDiff.sideBySide("<b>a</b>", "<script>x</script>");
        assertThat(rows.get(0).right()).containsExactly(new Segment("<script>x</script>", true));
    }

    @Test
    void a_texts_too_large_for_the_table_still_compare_as_replaced_in_the_middle() {
        StringBuilder left = new StringBuilder("awal\n");
        StringBuilder right = new StringBuilder("awal\n");
        for (int i = 0; i < 2_100; i++) {
            left.append("kiri ").append(i).append('\n');
            right.append("kanan ").append(i).append('\n');
        }
        left.append("akhir");
        right.append("akhir");
        List<Row> rows = TextDiff.sideBySide(left.toString(), right.toString());

        assertThat(rows.get(0).kind()).isEqualTo(Kind.SAME);
        assertThat(rows.get(rows.size() - 1).kind()).isEqualTo(Kind.SAME);
        assertThat(rows).hasSize(2_102);
        assertThat(rows.subList(1, rows.size() - 1)).allMatch(r -> r.kind() == Kind.CHANGED);
    }
}
