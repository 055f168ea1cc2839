package id.serambi.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugRulesTest {

    @Test
    void an_agency_slug_of_lower_case_letters_digits_and_hyphens_is_accepted() {
        assertThat(SlugRules.checkTenantSlug("slug", "dukcapil")).isEmpty();
        assertThat(SlugRules.checkTenantSlug("slug", "dinas-kesehatan-2")).isEmpty();
        assertThat(SlugRules.checkTenantSlug("slug", "ab")).isEmpty();
    }

    @Test
    void malformed_agency_slugs_are_refused_with_the_format_reason() {
        for (String bad : new String[] {"Dukcapil", "-dukcapil", "dukcapil-", "dinas kesehatan", "d", "dinas_kesehatan",
                "dinas/kesehatan", "x".repeat(49), "dînas"}) {
            assertThat(SlugRules.checkTenantSlug("slug", bad)).as(bad)
                    .hasValueSatisfying(e -> assertThat(e.messageKey()).isEqualTo("validation.slug.format"));
        }
    }

    @Test
    void an_empty_slug_is_required_not_malformed() {
        assertThat(SlugRules.checkTenantSlug("slug", " ")).hasValueSatisfying(
                e -> assertThat(e.messageKey()).isEqualTo("validation.required"));
    }

    @Test
    void the_platforms_own_paths_cannot_be_agency_slugs() {
        for (String reserved : new String[] {"admin", "api", "health", "assets", "cari", "pengaduan", "halaman", "dokumen", "galeri", "arsip", "kategori"}) {
            assertThat(SlugRules.checkTenantSlug("slug", reserved)).as(reserved).hasValueSatisfying(
                    e -> assertThat(e.messageKey()).isEqualTo("validation.slug.reserved"));
        }
    }

    @Test
    void a_post_slug_is_made_from_the_title_without_accents_or_punctuation() {
        assertThat(SlugRules.fromTitle("Vaksinasi Polio di Kecamatan Cibodas!"))
                .isEqualTo("vaksinasi-polio-di-kecamatan-cibodas");
        assertThat(SlugRules.fromTitle("  Rapat Koordinasi — Pelayanan Publik (2026)  "))
                .isEqualTo("rapat-koordinasi-pelayanan-publik-2026");
        assertThat(SlugRules.fromTitle("Café Élysée")).isEqualTo("cafe-elysee");
    }

    @Test
    void a_title_without_letters_or_digits_gives_a_default_slug() {
        assertThat(SlugRules.fromTitle("!!! ???")).isEqualTo("berita");
    }

    @Test
    void a_long_title_is_cut_at_a_word_boundary_within_the_limit() {
        String slug = SlugRules.fromTitle("pelayanan ".repeat(30));
        assertThat(slug.length()).isLessThanOrEqualTo(SlugRules.POST_SLUG_MAX);
        assertThat(slug).endsWith("pelayanan").doesNotEndWith("-");
        assertThat(SlugRules.isValidPostSlug(slug)).isTrue();
    }

    @Test
    void a_taken_slug_gets_a_numbered_variant_that_still_fits() {
        assertThat(SlugRules.withSuffix("rapat-koordinasi", 2)).isEqualTo("rapat-koordinasi-2");
        String longSlug = "a".repeat(SlugRules.POST_SLUG_MAX);
        assertThat(SlugRules.withSuffix(longSlug, 12)).hasSize(SlugRules.POST_SLUG_MAX).endsWith("-12");
    }
}
