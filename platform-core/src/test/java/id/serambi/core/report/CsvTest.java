package id.serambi.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cells_with_commas_quotes_or_line_breaks_are_quoted() {
        assertThat(Csv.cell("Dinas Kesehatan, Bidang P2P")).isEqualTo("\"Dinas Kesehatan, Bidang P2P\"");
        assertThat(Csv.cell("kata \"kutip\"")).isEqualTo("\"kata \"\"kutip\"\"\"");
        assertThat(Csv.cell("baris\nbaru")).isEqualTo("\"baris\nbaru\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://judi.example\")")).startsWith("\"'=HYPERLINK");
        assertThat(Csv.cell("+62 812")).isEqualTo("'+62 812");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("biasa saja")).isEqualTo("biasa saja");
    }

    @Test
    void a_document_starts_with_a_byte_order_mark_and_ends_lines_with_crlf() {
        assertThat(Csv.document(List.of("a", "b"), List.of(List.of("1", "2"))))
                .isEqualTo("\uFEFFa,b\r\n1,2\r\n");
    }
}
