package id.serambi.core.safety;

import static id.serambi.core.safety.PersonalDataKind.EMAIL;
import static id.serambi.core.safety.PersonalDataKind.KK;
import static id.serambi.core.safety.PersonalDataKind.NIK;
import static id.serambi.core.safety.PersonalDataKind.NIK_OR_KK;
import static id.serambi.core.safety.PersonalDataKind.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataScannerTest {
    private final PersonalDataScanner scanner = new PersonalDataScanner();

    private List<PersonalDataKind> kinds(String text) {
        return scanner.scanText("body", text).stream().map(PersonalDataFinding::kind).toList();
    }

    @Test
    void a_mans_nik_named_as_such_is_a_nik_with_its_position_and_a_masked_value() {
        String text = "Pemohon atas nama Budi, NIK 3201011205900001, telah terdaftar.";
        List<PersonalDataFinding> findings = scanner.scanText("summary", text);
        assertThat(findings).hasSize(1);
        PersonalDataFinding f = findings.get(0);
        assertThat(f.kind()).isEqualTo(NIK);
        assertThat(f.field()).isEqualTo("summary");
        assertThat(text.substring(f.start(), f.end())).isEqualTo("3201011205900001");
        assertThat(f.masked()).isEqualTo("3201**********01").doesNotContain("120590");
    }

    @Test
    void a_womans_nik_has_forty_added_to_the_day_and_cannot_be_a_family_card() {
        // 12 May 1990 + 40 → day 52; even next to the words "Kartu Keluarga" it can only be a NIK.
        assertThat(kinds("Data 3201015205900002 tercatat")).containsExactly(NIK);
        assertThat(kinds("Kartu Keluarga 3201015205900002")).containsExactly(NIK);
        // 29 February only in a leap year: 29 Feb 1992 (+40 → 69) yes, 29 Feb 1991 no.
        assertThat(kinds("NIK 3201016902920003")).containsExactly(NIK);
        assertThat(kinds("NIK 3201016902910003")).isEmpty();
    }

    @Test
    void a_family_card_number_is_told_apart_by_the_words_before_it_or_reported_as_either() {
        assertThat(kinds("No. KK 3201012003150003")).containsExactly(KK);
        assertThat(kinds("nomor kartu keluarga: 3201012003150003")).containsExactly(KK);
        assertThat(kinds("KTP-el 3201012003150003")).containsExactly(NIK);
        assertThat(kinds("terlampir 3201012003150003")).containsExactly(NIK_OR_KK);
        // The nearest word wins: "NIK ... KK 1234" is about the KK.
        assertThat(kinds("NIK dan KK: 3201012003150003")).containsExactly(KK);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3201011213900001",   // month 13
            "3201013205900001",   // day 32
            "3201017205900001",   // day 72 (a woman's day 32)
            "3201013002900001",   // 30 February
            "0001011205900001",   // province 00
            "2001011205900001",   // province 20 does not exist
            "9901011205900001",   // nor 99
            "3200011205900001",   // regency 00
            "3201001205900001",   // district 00
            "3201011205900000",   // serial 0000
            "320101120590001",    // 15 digits
            "32010112059000012",  // 17 digits
            "12320101120590000100", // a valid NIK inside a longer number
            "3201 0112 0590 0001 2345", // four-digit groups that go on past 16 digits
            "7777 3201 0112 0590 0001", // ... or start before them
            "3201.0112 0590 0001", // separators that change inside the number
            "32010 11205 900001",  // groups that do not follow the fields
            "1234567890123456",    // a bank-account-like number: day 78
            "tanggal 12-05-1990 pukul 08.30", // a date and a time
            "Rapat 12.05.2024 di ruang 3201", // a date near a region code
            "0812-3456-7890",      // a phone number
    })
    void near_misses_are_not_population_numbers(String text) {
        assertThat(scanner.scanText("body", text))
                .noneMatch(f -> f.kind() == NIK || f.kind() == KK || f.kind() == NIK_OR_KK);
    }

    @Test
    void numbers_split_by_tags_spaces_or_dots_are_still_found_in_html() {
        String html = "<p>NIK: 3201<b>0112</b><span>05900001</span></p>"
                + "<p>NIK 3201 0112 0590 0001</p><p>KK 32.01.01.200315.0003</p><p>NIK&nbsp;3201-0152-0590-0002</p>";
        List<PersonalDataFinding> findings = scanner.scanHtml("body", html);
        assertThat(findings).extracting(PersonalDataFinding::kind).containsExactly(NIK, NIK, KK, NIK);
        String text = HtmlText.of(html);
        assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo("3201011205900001");
        assertThat(text.substring(findings.get(2).start(), findings.get(2).end())).isEqualTo("32.01.01.200315.0003");
    }

    @Test
    void two_paragraphs_never_join_into_one_number() {
        assertThat(kinds(HtmlText.of("<p>32010112</p><p>05900001</p>"))).isEmpty();
    }

    @Test
    void mobile_numbers_in_every_common_spelling_are_found() {
        assertThat(kinds("Hubungi 0812 3456 7890.")).containsExactly(PHONE);
        assertThat(kinds("WA +62 812-3456-7890")).containsExactly(PHONE);
        assertThat(kinds("WA 6281234567890")).containsExactly(PHONE);
        assertThat(kinds("telp (+62) 812.3456.789")).containsExactly(PHONE);
        assertThat(kinds("hp:085712345678,")).containsExactly(PHONE);
        assertThat(scanner.scanText("title", "Hubungi 0812-3456-7890").get(0).masked()).isEqualTo("0812******90");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Kantor (0274) 512345",       // an office landline
            "Telp. 021-1234567",
            "tanggal 08-12-2024",         // a date that starts like 08…
            "kode 0812345",               // too short
            "nomor 081234567890123",      // too long
            "Anggaran Rp 812.345.678.900", // money
            "080012345678",               // 0800 is a toll-free prefix, not a mobile
    })
    void near_misses_are_not_phone_numbers(String text) {
        assertThat(kinds(text)).doesNotContain(PHONE);
    }

    @Test
    void personal_email_addresses_are_found_but_office_addresses_on_go_id_are_public() {
        List<PersonalDataFinding> findings = scanner.scanText("body",
                "Kirim ke budi.santoso@gmail.com atau dinkes@bantulkab.go.id, bukan ke @akun_ig.");
        assertThat(findings).extracting(PersonalDataFinding::kind).containsExactly(EMAIL);
        assertThat(findings.get(0).masked()).isEqualTo("b***@gmail.com");
    }

    @Test
    void ordinary_news_has_no_findings() {
        String news = "Pemerintah Kabupaten Bantul menyalurkan 1.250 paket bantuan pada 12 Mei 2025 pukul 09.00 WIB. "
                + "Anggaran Rp 2.500.000.000 berasal dari APBD 2025. Informasi: (0274) 367509, pengaduan@bantulkab.go.id. "
                + "Nomor SK 188/123/KPTS/2025 berlaku sejak 01-01-2025.";
        assertThat(scanner.scanText("body", news)).isEmpty();
    }
}
