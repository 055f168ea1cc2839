package id.serambi.core.portal;

import static id.serambi.core.jooq.portal.Tables.CATEGORY;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;

import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * What feeds (RSS, Atom) and sitemaps list, through the portal's read-only role. The same rules as the pages:
 * the district portal and its categories show posts moderation lets onto it ("visible"); an agency's own feed
 * and sitemap also those hidden from the district portal only.
 */
@Singleton
public class PortalFeeds {
    /** Posts in one sitemap file: the protocol allows 50,000 URLs, and each file keeps one for the site's home. */
    public static final int SITEMAP_PAGE = 49_999;
    private static final String ON_PORTAL = " and p.portal_state = 'visible'";
    private static final String ON_AGENCY_SITE = " and p.portal_state in ('visible', 'pending', 'hidden')";
    // Feeds carry news and announcements: profile pages, documents and galleries are in the sitemaps, not in readers' feeds.
    private static final String ENTRY_FIELDS = "select p.id, t.slug as tenant_slug, t.name as tenant_name, p.kind, p.title, "
            + "p.slug, coalesce(nullif(p.summary, ''), left(portal.plain_text(p.body_html), 400)) as description, "
            + "c.name as category_name, p.published_at, coalesce(p.revised_at, p.published_at) as changed_at "
            + "from portal.post p join portal.tenant t on t.id = p.tenant_id "
            + "left join portal.category c on c.id = p.category_id where p.kind in ('news', 'announcement')";
    private static final String NEWEST = " order by p.published_at desc, p.id desc limit ?";

    private final DSLContext db;

    PortalFeeds(@Named(PortalQueries.DATASOURCE) DSLContext db) {
        this.db = db;
    }

    /** The newest posts on the district portal. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<FeedEntry> latestOnPortal(int limit) {
        return db.resultQuery(ENTRY_FIELDS + ON_PORTAL + NEWEST, limit).fetch(PortalFeeds::toEntry);
    }

    /** The newest posts of one agency's site. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<FeedEntry> latestOfTenant(TenantId tenant, int limit) {
        return db.resultQuery(ENTRY_FIELDS + " and p.tenant_id = ?" + ON_AGENCY_SITE + NEWEST, tenant.value(), limit)
                .fetch(PortalFeeds::toEntry);
    }

    /** The newest posts of a district category across agencies (what the portal shows). */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<FeedEntry> latestInCategory(PortalCategory category, int limit) {
        return db.resultQuery(ENTRY_FIELDS + " and p.category_id = ?" + ON_PORTAL + NEWEST, category.id(), limit)
                .fetch(PortalFeeds::toEntry);
    }

    @ReadOnly(PortalQueries.DATASOURCE)
    public Optional<PortalCategory> category(String slug) {
        return db.selectFrom(CATEGORY).where(CATEGORY.SLUG.eq(slug))
                .fetchOptional(r -> new PortalCategory(r.getId(), r.getSlug(), r.getName()));
    }

    @ReadOnly(PortalQueries.DATASOURCE)
    public List<PortalCategory> categories() {
        return db.selectFrom(CATEGORY).orderBy(CATEGORY.POSITION, CATEGORY.NAME)
                .fetch(r -> new PortalCategory(r.getId(), r.getSlug(), r.getName()));
    }

    /**
     * Each agency's own host name, where it has one (the alphabetically first when it has several): links to its
     * posts point there.
     */
    @ReadOnly(PortalQueries.DATASOURCE)
    public Map<String, String> hostsBySlug() {
        Map<String, String> hosts = new HashMap<>();
        db.resultQuery("select t.slug, min(d.host) from portal.tenant_domain d join portal.tenant t on t.id = d.tenant_id "
                + "group by t.slug").forEach(r -> hosts.put(r.get(0, String.class), r.get(1, String.class)));
        return hosts;
    }

    /** Every agency site readers can open (not suspended), with what its sitemap needs. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<SitemapAgency> sitemapAgencies() {
        return sitemapAgencies(null);
    }

    /** One agency site readers can open (not suspended), with what its sitemap needs. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public Optional<SitemapAgency> sitemapAgency(String slug) {
        return sitemapAgencies(slug).stream().findFirst();
    }

    private List<SitemapAgency> sitemapAgencies(String onlySlug) {
        return db.resultQuery("select t.slug, t.name, (select min(d.host) from portal.tenant_domain d where d.tenant_id = t.id) as host, "
                        + "count(p.id) as posts, max(coalesce(p.revised_at, p.published_at)) as changed_at "
                        + "from portal.tenant t left join portal.post p on p.tenant_id = t.id" + ON_AGENCY_SITE
                        + " where t.status <> 'suspended' and (cast(? as text) is null or t.slug = ?) "
                        + "group by t.id, t.slug, t.name order by t.slug", onlySlug, onlySlug)
                .fetch(r -> new SitemapAgency(r.get("slug", String.class), r.get("name", String.class),
                        r.get("host", String.class), r.get("posts", Integer.class),
                        r.get("changed_at", OffsetDateTime.class)));
    }

    /** One page (from 1) of an agency's posts for its sitemap, oldest first so that pages stay stable. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<FeedEntry> sitemapOfTenant(TenantId tenant, int page) {
        return db.resultQuery("select p.id, t.slug as tenant_slug, t.name as tenant_name, p.kind, p.title, p.slug, "
                        + "null::text as description, null::text as category_name, p.published_at, "
                        + "coalesce(p.revised_at, p.published_at) as changed_at "
                        + "from portal.post p join portal.tenant t on t.id = p.tenant_id where p.tenant_id = ?" + ON_AGENCY_SITE
                        + " order by p.id limit ? offset ?", tenant.value(), SITEMAP_PAGE, (long) (page - 1) * SITEMAP_PAGE)
                .fetch(PortalFeeds::toEntry);
    }

    private static FeedEntry toEntry(Record r) {
        String description = r.get("description", String.class);
        return new FeedEntry(r.get("id", Long.class), r.get("tenant_slug", String.class), r.get("tenant_name", String.class),
                r.get("kind", String.class), r.get("title", String.class), r.get("slug", String.class),
                description == null ? null : description.replaceAll("\\s+", " ").strip(),
                r.get("category_name", String.class), r.get("published_at", OffsetDateTime.class),
                r.get("changed_at", OffsetDateTime.class));
    }
}
