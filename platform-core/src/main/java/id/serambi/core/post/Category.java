package id.serambi.core.post;

/** One of the district's categories (shared by every agency, so the portal can list news by category). */
public record Category(long id, String slug, String name, int position) {
}
