package id.serambi.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void excel_in_indonesia_writes_semicolons_a_byte_order_mark_and_crlf() {
        var rows = CsvReader.parse("\uFEFFnama;slug\r\nDinas Kesehatan, Bidang P2P;dinkes\r\n\r\nBPBD;bpbd\r\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cells()).containsExactly("nama", "slug");
        assertThat(rows.get(1).cells()).containsExactly("Dinas Kesehatan, Bidang P2P", "dinkes");
        assertThat(rows.get(2).line()).as("blank lines skipped, lines still counted").isEqualTo(4);
    }

    @Test
    void quoted_cells_keep_separators_doubled_quotes_and_line_breaks() {
        var rows = CsvReader.parse("a,b,c\n\"Dinas \"\"Baru\"\", Kab\",\"dua\nbaris\",  spasi  \nx,y,z");
        assertThat(rows.get(1).cells()).containsExactly("Dinas \"Baru\", Kab", "dua\nbaris", "spasi");
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).cell(5)).isEmpty();
    }

    @Test
    void an_unclosed_quote_names_its_line() {
        assertThatThrownBy(() -> CsvReader.parse("a,b\n1,\"terbuka\n2,3"))
                .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void the_separator_is_the_one_the_header_uses() {
        assertThat(CsvReader.separatorOf("a;b;c")).isEqualTo(';');
        assertThat(CsvReader.separatorOf("\"a;b\",c")).isEqualTo(',');
        assertThat(CsvReader.parse("x")).extracting(r -> r.cells()).containsExactly(List.of("x"));
    }
}
