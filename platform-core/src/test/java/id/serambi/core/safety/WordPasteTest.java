package id.serambi.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * What Word puts on the clipboard (resources/safety/word-paste.html: the CF_HTML body Word 2016 produces for a
 * heading, a paragraph with bold and italics, a bulleted list, a table and a link, with its conditional
 * comments, XML islands, style sheet, MsoNormal classes, mso-* styles and o:p elements) saved as a post body:
 * the sanitiser keeps the article and drops every trace of Word.
 */
class WordPasteTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private static String sample() throws IOException {
        try (InputStream in = WordPasteTest.class.getResourceAsStream("/safety/word-paste.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void word_markup_is_gone_after_saving() throws IOException {
        String raw = sample();
        assertThat(raw).contains("mso-", "class=MsoNormal", "<o:p>", "<![if !supportLists]>", "<!--[if gte mso 9]>");
        String clean = sanitizer.clean(raw);
        assertThat(clean).doesNotContainIgnoringCase("mso").doesNotContain("o:p", "<span", "style", "class=", "font-family",
                "<!--", "[if", "endif", "<xml", "OfficeDocumentSettings", "Normal</", "Calibri", "@font-face", "lang=",
                "file:///", "<meta", "<link", "<h1", "<table class", "valign", "width=");
    }

    @Test
    void the_article_itself_survives() throws IOException {
        String clean = sanitizer.clean(sample());
        assertThat(clean).contains("<h2>Rapat Koordinasi Penanganan Stunting</h2>", "<b>KETAPANG</b>",
                "<i>Tim Percepatan Penurunan Stunting</i>", "Pendataan balita di 20 desa", "Pemberian makanan tambahan",
                "<table>", "<td>", "Kecamatan", "Balita");
        // Word's own list bullets (drawn for readers without list support) do not stay behind as text.
        assertThat(clean).contains("<p>Pendataan balita di 20 desa</p>", "<p>Pemberian makanan tambahan</p>")
                .doesNotContain("·", "&#183;", "\u00a0\u00a0");
        assertThat(clean).containsPattern("<a href=\"https://dinkes\\.ketapangkab\\.go\\.id/stunting\" rel=\"[^\"]*nofollow[^\"]*\">"
                + "dinkes\\.ketapangkab\\.go\\.id</a>");
        assertThat(HtmlText.of(clean)).startsWith("Rapat Koordinasi Penanganan Stunting\nKETAPANG – Dinas Kesehatan menggelar");
    }
}
