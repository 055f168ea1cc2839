package id.serambi.core.portal;

/**
 * Where a post of each kind lives inside an agency's site. One rule for pages, search results, feeds and
 * sitemaps, so that no link points to a route that answers 404. {@code siteBase} is "" on the agency's own
 * host, "/{slug}" on the portal, or an absolute site address.
 */
public final class PostPath {
    private PostPath() {
    }

    public static String of(String siteBase, String kind, String slug) {
        return switch (kind) {
            case "page" -> siteBase + "/halaman/" + slug;
            case "gallery" -> siteBase + "/galeri/" + slug;
            // A document has no page of its own: it is listed in the agency's PPID list.
            case "document" -> siteBase + "/dokumen";
            default -> siteBase + "/berita/" + slug;
        };
    }
}
