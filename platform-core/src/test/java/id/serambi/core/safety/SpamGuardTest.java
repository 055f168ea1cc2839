package id.serambi.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.serambi.core.safety.SpamVerdict.Kind;
import id.serambi.core.safety.SpamVerdict.Level;

class SpamGuardTest {
    private final SpamGuard guard = new SpamGuard();

    private SpamVerdict body(String html) {
        return guard.inspect("Berita", null, html, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Situs SLOT GACOR hari ini",
            "pasti MAXWIN",
            "s l o t   g a c o r",                          // spaced out
            "S-L-O-T g.a.c.o.r",                              // punctuation inside words
            "s1ot g4cor",                                     // leetspeak
            "m4xw1n malam ini",
            "sl0t g@cor",
            "\u0455l\u043Et g\u0430\u0441\u043Er",            // Cyrillic ѕ о а с о
            "sl\u03BFt g\u03B1cor",                           // Greek ο α
            "\uFF53\uFF4C\uFF4F\uFF54 \uFF47\uFF41\uFF43\uFF4F\uFF52", // fullwidth ｓｌｏｔ ｇａｃｏｒ
            "sl\u200Bot ga\u200Dcor",                         // zero-width space and joiner
            "s\u0336l\u0336o\u0336t\u0336 g\u0336a\u0336c\u0336o\u0336r\u0336", // combining strike-through
            "\uD835\uDC2C\uD835\uDC25\uD835\uDC28\uD835\uDC2D gacor", // mathematical bold 𝐬𝐥𝐨𝐭
            "kunjungi slotgacor88.xyz",                       // glued into a domain
            "RTP LIVE tertinggi",
            "deposit pulsa tanpa potongan",
            "pola SCATTER HITAM mahjong ways 2",
            "togel4d terpercaya",
            "daftar slot88 sekarang",
            "depo 10k bonus",
            "bandar togel terpercaya",
            "Kakek Zeus x500",
    })
    void disguised_gambling_promotion_is_spam(String text) {
        SpamVerdict verdict = body("<p>" + text + "</p>");
        assertThat(verdict.level()).as(text + " → " + verdict.reasons()).isEqualTo(Level.SPAM);
        assertThat(verdict.reasons()).anyMatch(r -> r.kind() == Kind.GAMBLING_TERM && r.blocks());
    }

    @Test
    void the_title_and_the_attachments_are_inspected_too() {
        assertThat(guard.inspect("Info SLOT GACOR", null, "", List.of()).reasons())
                .containsExactly(new SpamVerdict.Reason(Kind.GAMBLING_TERM, "title", "slot gacor", true));
        assertThat(guard.inspect("Laporan", "ringkasan", "<p>isi</p>", List.of("bocoran rtp hari ini")).isSpam()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Dinas Kesehatan membuka slot waktu vaksinasi; lihat jadwal pelayanan dan slot pendaftaran daring.",
            "Penerbangan dari Bandar Udara Radin Inten II di Bandar Lampung kembali normal.",
            "Polres menangkap bandar narkoba di Kecamatan Sewon.",
            "Pak Hasto gelar rapat koordinasi; Bupati Sleman meninjau lokasi.",  // "hastogelar" across words
            "Kasus perjudian sabung ayam ditangani Polsek.",
            "Anggaran Rp 500 juta untuk 1.000 peserta pada 2025; 75 persen terserap.",
            "Mahasiswa KKN membantu pendataan. Kuota 40 slot per hari.",
            "Kegiatan Zumba dan senam lansia di balai desa.",
            "Lelang jabatan pimpinan tinggi pratama: jadwal seleksi terbuka.",
    })
    void ordinary_government_news_is_clean(String text) {
        SpamVerdict verdict = body("<p>" + text + "</p>");
        assertThat(verdict.level()).as(text + " → " + verdict.reasons()).isEqualTo(Level.CLEAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Kominfo mengimbau warga menjauhi judi online; 2 juta situs judi diblokir dan bandar togel ditangkap.",
            "Ruang terbuka publik (RTP) di alun-alun diresmikan.",
            "Lomba burung berkicau: murai batu paling gacor menang.",
    })
    void news_about_gambling_or_with_homonyms_is_at_most_suspicious_and_never_blocked(String text) {
        SpamVerdict verdict = body("<p>" + text + "</p>");
        assertThat(verdict.level()).as(text + " → " + verdict.reasons()).isEqualTo(Level.SUSPICIOUS);
        assertThat(verdict.reasons()).noneMatch(SpamVerdict.Reason::blocks);
    }

    @Test
    void links_to_gambling_hosts_or_gambling_paths_are_spam() {
        assertThat(body("<p><a href=\"https://gacor-maxwin.xyz/daftar\">info</a></p>").reasons())
                .anyMatch(r -> r.kind() == Kind.GAMBLING_LINK && r.blocks());
        assertThat(body("<p><a href=\"https://bantulkab.go.id/slot-gacor/\">info</a></p>").isSpam()).isTrue();
        assertThat(body("<p><a href=\"HTTPS://TOGELHK.NET\">hasil</a></p>").isSpam()).isTrue();
        // A government address never counts as a gambling host by its name alone.
        assertThat(body("<p><a href=\"https://stopjudionline.kominfo.go.id/\">Lapor</a></p>").level())
                .isEqualTo(Level.CLEAN);
    }

    @Test
    void link_text_naming_another_site_is_suspicious_and_with_gambling_words_spam() {
        SpamVerdict mismatch = body("<p><a href=\"https://bit-ly.example/abc\">www.bantulkab.go.id</a></p>");
        assertThat(mismatch.level()).isEqualTo(Level.SUSPICIOUS);
        assertThat(mismatch.reasons()).extracting(SpamVerdict.Reason::kind).containsExactly(Kind.LINK_TEXT_MISMATCH);
        assertThat(body("<p>Berita judi online <a href=\"https://x.example\">kominfo.go.id</a></p>").level())
                .isEqualTo(Level.SPAM);
        assertThat(body("<p><a href=\"https://www.bantulkab.go.id/berita\">bantulkab.go.id</a></p>").level())
                .isEqualTo(Level.CLEAN);
    }

    @Test
    void many_outbound_links_are_a_signal() {
        StringBuilder html = new StringBuilder("<ul>");
        for (int i = 0; i < 25; i++) {
            html.append("<li><a href=\"https://situs").append(i).append(".example/\">tautan ").append(i).append("</a></li>");
        }
        SpamVerdict verdict = body(html.append("</ul>").toString());
        assertThat(verdict.reasons()).extracting(SpamVerdict.Reason::kind).containsExactly(Kind.MANY_OUTBOUND_LINKS);
        assertThat(verdict.level()).isEqualTo(Level.SUSPICIOUS);
        // Government links are not outbound.
        assertThat(body(html.toString().replace(".example", ".go.id")).level()).isEqualTo(Level.CLEAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<div style=\"display:none\">%s</div>",
            "<div style=\"DISPLAY : none !important\">%s</div>",
            "<span style=\"visibility:hidden\">%s</span>",
            "<span style=\"font-size:0\">%s</span>",
            "<span style=\"font-size:0.01em\">%s</span>",
            "<p style=\"position:absolute;left:-9999px\">%s</p>",
            "<p style=\"text-indent:-10000px\">%s</p>",
            "<div style=\"height:0;overflow:hidden\">%s</div>",
            "<div style=\"opacity:0\">%s</div>",
            "<span style=\"color:#fff\">%s</span>",
            "<span style=\"color:rgb(255, 255, 255)\">%s</span>",
            "<div style=\"background-color:#000\"><span style=\"color:black\">%s</span></div>",
            "<font color=\"white\">%s</font>",
            "<div hidden>%s</div>",
            "<div style=\"clip:rect(0 0 0 0);position:absolute\">%s</div>",
    })
    void hidden_text_is_found_and_with_gambling_words_or_links_it_is_spam(String template) {
        SpamVerdict plain = body(String.format(template, "teks biasa yang disembunyikan"));
        assertThat(plain.level()).as(template).isEqualTo(Level.SUSPICIOUS);
        assertThat(plain.reasons()).extracting(SpamVerdict.Reason::kind).containsExactly(Kind.HIDDEN_TEXT);

        assertThat(body(String.format(template, "bandar togel")).level()).as(template).isEqualTo(Level.SPAM);
        assertThat(body(String.format(template, "<a href=\"https://contoh.example\">baca</a>")).level())
                .as(template).isEqualTo(Level.SPAM);
    }

    @Test
    void visible_styling_is_not_hidden_text() {
        String html = "<table><tr><td style=\"background-color:#003366\"><span style=\"color:#ffffff\">Judul Tabel</span>"
                + "</td></tr></table><p style=\"font-size:14px;color:#333\">Isi berita.</p>"
                + "<p style=\"display:block;margin-left:-10px\">Kutipan</p><span style=\"display:none\"></span>";
        assertThat(body(html).level()).isEqualTo(Level.CLEAN);
    }

    @Test
    void alt_and_title_attributes_are_read() {
        assertThat(body("<p><img src=\"https://x.go.id/a.png\" alt=\"slot gacor\"></p>").isSpam()).isTrue();
    }

    @Test
    void the_term_list_loads_and_normalises() {
        GamblingTerms terms = GamblingTerms.load();
        assertThat(terms.terms).hasSizeGreaterThan(50);
        assertThat(terms.terms).anyMatch(t -> t.label().equals("slot gacor") && t.words().equals(List.of("siot", "gacor")));
        assertThat(SpamText.normalise("Tahun 2025, S1ot!")).isEqualTo("tahun 2025 siot");
    }
}
