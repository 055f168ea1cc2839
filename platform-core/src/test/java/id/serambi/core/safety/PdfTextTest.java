package id.serambi.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfTextTest {
    /** A PDF with one page per line of text, as an office's scanned-then-OCRed or typed document would be. */
    static byte[] pdfWithPages(List<String> pages, String ownerPassword) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String line : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line);
                    content.endText();
                }
            }
            if (ownerPassword != null) {
                AccessPermission permission = new AccessPermission();
                permission.setCanExtractContent(false);
                document.protect(new StandardProtectionPolicy(ownerPassword, "", permission));
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void the_text_of_a_generated_pdf_is_read_and_its_nik_is_found() throws IOException {
        byte[] pdf = pdfWithPages(List.of("Daftar penerima bantuan", "Siti Aminah NIK 3201015205900002 RT 03"), null);
        PdfText.Result result = PdfText.extract(pdf, PdfText.Limits.DEFAULT);
        assertThat(result.outcome()).isEqualTo(PdfText.Outcome.COMPLETE);
        assertThat(result.pageCount()).isEqualTo(2);
        assertThat(result.pagesRead()).isEqualTo(2);
        assertThat(result.text()).contains("Daftar penerima bantuan", "Siti Aminah");
        assertThat(new PersonalDataScanner().scanText("attachment", result.text()))
                .extracting(PersonalDataFinding::kind).containsExactly(PersonalDataKind.NIK);
    }

    @Test
    void pages_beyond_the_limit_are_not_read_and_the_outcome_says_so() throws IOException {
        byte[] pdf = pdfWithPages(List.of("satu", "dua", "tiga", "empat"), null);
        PdfText.Result result = PdfText.extract(pdf, new PdfText.Limits(1_000_000, 2, Duration.ofSeconds(10), 100_000));
        assertThat(result.outcome()).isEqualTo(PdfText.Outcome.PAGE_LIMIT);
        assertThat(result.pagesRead()).isEqualTo(2);
        assertThat(result.text()).contains("satu", "dua").doesNotContain("tiga");
    }

    @Test
    void size_and_text_limits_hold() throws IOException {
        byte[] pdf = pdfWithPages(List.of("x".repeat(80), "y".repeat(80)), null);
        assertThat(PdfText.extract(pdf, new PdfText.Limits(pdf.length - 1, 10, Duration.ofSeconds(10), 100_000)).outcome())
                .isEqualTo(PdfText.Outcome.TOO_LARGE);
        PdfText.Result cut = PdfText.extract(pdf, new PdfText.Limits(pdf.length, 10, Duration.ofSeconds(10), 100));
        assertThat(cut.outcome()).isEqualTo(PdfText.Outcome.CHAR_LIMIT);
        assertThat(cut.text()).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void a_zero_time_budget_stops_before_any_page() throws IOException {
        byte[] pdf = pdfWithPages(List.of("satu"), null);
        PdfText.Result result = PdfText.extract(pdf, new PdfText.Limits(1_000_000, 10, Duration.ZERO, 100_000));
        assertThat(result.outcome()).isEqualTo(PdfText.Outcome.TIME_LIMIT);
        assertThat(result.text()).isEmpty();
    }

    @Test
    void garbage_and_copy_protected_pdfs_are_reported_not_thrown() throws IOException {
        assertThat(PdfText.extract("bukan pdf".getBytes(), PdfText.Limits.DEFAULT).outcome())
                .isEqualTo(PdfText.Outcome.UNREADABLE);
        byte[] locked = pdfWithPages(List.of("rahasia"), "pemilik-dokumen");
        assertThat(PdfText.extract(locked, PdfText.Limits.DEFAULT).outcome()).isEqualTo(PdfText.Outcome.ENCRYPTED);
    }
}
