package id.serambi.portal;

/** {@code site}: where the site's own paths start; {@code portal}: the district portal's address. */
public record SiteLinks(String site, String portal) {
    /** The absolute address of a path of the site ("" is its home). */
    public String onSite(String path) {
        return path.isEmpty() ? (site.matches("https?://[^/]+") ? site + "/" : site) : site + path;
    }

    /** The absolute address of a path of the portal (media and logos are served there for every agency). */
    public String onPortal(String path) {
        return portal + path;
    }
}
