package id.serambi.core.portal;

/** A page in the agency site's menu. */
public record MenuPage(String title, String slug) {
}
