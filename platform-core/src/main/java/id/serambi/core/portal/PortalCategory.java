package id.serambi.core.portal;

/** A district-wide news category. */
public record PortalCategory(long id, String slug, String name) {
}
