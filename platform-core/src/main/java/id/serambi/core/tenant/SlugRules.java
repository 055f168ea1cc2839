package id.serambi.core.tenant;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import id.serambi.core.support.FieldError;

/**
 * The rules for the slugs in public addresses: a tenant's site lives at {@code /{slug}}, so a tenant slug must
 * not collide with the platform's own paths; a post's slug is derived from its title.
 */
public final class SlugRules {

    public static final int TENANT_SLUG_MAX = 48;
    public static final int POST_SLUG_MAX = 120;

    private static final Pattern TENANT_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,46}[a-z0-9]");
    private static final Pattern POST_SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    /** Paths the portal and the console use themselves; a tenant at one of them would shadow or be shadowed. */
    static final Set<String> RESERVED = Set.of(
            "admin", "api", "health", "assets", "static", "media", "uploads", "files", "cari", "search",
            "feed", "rss", "atom", "sitemap", "robots", "favicon", "login", "logout", "masuk", "keluar",
            "pengaduan", "portal", "www", "berita", "pengumuman", "agenda", "tentang", "kontak", "bantuan",
            "well-known", "serambi", "kominfo-admin", "halaman", "dokumen", "galeri", "arsip", "kategori");

    /**
     * Post slugs a post page would lose to another route on an agency's own host, where "/berita/cari" also reads
     * as the search of an agency "berita" ({@code /{slug}/cari}, {@code /{slug}/pengaduan}, {@code /{slug}/logo}).
     * Feed paths need no entry: a post slug has no dot.
     */
    public static final Set<String> RESERVED_POST_SLUGS = Set.of("cari", "pengaduan", "logo");

    private SlugRules() {
    }

    /** Why {@code slug} cannot name a tenant, if it cannot. */
    public static Optional<FieldError> checkTenantSlug(String field, String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.of(FieldError.of(field, "validation.required"));
        }
        if (!TENANT_SLUG.matcher(slug).matches()) {
            return Optional.of(FieldError.of(field, "validation.slug.format"));
        }
        if (RESERVED.contains(slug)) {
            return Optional.of(FieldError.of(field, "validation.slug.reserved"));
        }
        return Optional.empty();
    }

    public static boolean isValidPostSlug(String slug) {
        return slug != null && POST_SLUG.matcher(slug).matches();
    }

    public static boolean isReservedPostSlug(String slug) {
        return RESERVED_POST_SLUGS.contains(slug);
    }

    /**
     * A readable slug from a title: accents dropped, lower case, words joined by hyphens, cut at a word
     * boundary within {@link #POST_SLUG_MAX}. "Vaksinasi Polio di Kecamatan Cibodas!" becomes
     * "vaksinasi-polio-di-kecamatan-cibodas". A title with no letters or digits gives "berita".
     */
    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = NON_ALNUM.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > POST_SLUG_MAX) {
            slug = slug.substring(0, POST_SLUG_MAX);
            int lastHyphen = slug.lastIndexOf('-');
            if (lastHyphen > POST_SLUG_MAX / 2) {
                slug = slug.substring(0, lastHyphen);
            }
            slug = slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "berita" : slug;
    }

    /** The n-th alternative of a taken slug: "rapat-koordinasi" → "rapat-koordinasi-2", within the limit. */
    public static String withSuffix(String slug, int n) {
        String suffix = "-" + n;
        String base = slug.length() + suffix.length() > POST_SLUG_MAX
                ? slug.substring(0, POST_SLUG_MAX - suffix.length()).replaceAll("-+$", "")
                : slug;
        return base + suffix;
    }
}
