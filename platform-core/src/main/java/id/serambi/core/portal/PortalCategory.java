package id.serambi.core.portal;

/** A district-wide category as readers see it. */
public record PortalCategory(long id, String slug, String name) {
}
