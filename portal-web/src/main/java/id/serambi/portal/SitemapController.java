package id.serambi.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.serambi.core.portal.FeedEntry;
import id.serambi.core.portal.PortalCategory;
import id.serambi.core.portal.PortalFeeds;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalTenant;
import id.serambi.core.portal.SitemapAgency;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * For search engines: {@code /sitemap.xml} is an index of one sitemap per agency site plus one of the district's
 * own pages; each agency's sitemap lists its posts' canonical addresses with when they last changed, in pages of
 * at most 50,000 ({@code ?halaman=2}…). On an agency's own host, {@code /sitemap.xml} and {@code /robots.txt} are
 * that agency's. {@code robots.txt} lets crawlers read every public page but not search results.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
class SitemapController {
    static final MediaType XML = MediaType.of("application/xml;charset=utf-8");
    static final MediaType TEXT = MediaType.of("text/plain;charset=utf-8");
    static final String PORTAL_SITEMAP = "/sitemap-portal.xml";

    private final PortalFeeds feeds;
    private final PortalQueries portal;
    private final PortalPages pages;
    private final PortalLinks links;

    SitemapController(PortalFeeds feeds, PortalQueries portal, PortalPages pages, PortalLinks links) {
        this.feeds = feeds;
        this.portal = portal;
        this.pages = pages;
        this.links = links;
    }

    @Get("/sitemap.xml")
    HttpResponse<String> index(HttpRequest<?> request) {
        Optional<PortalTenant> byHost = links.hostTenant(request);
        if (byHost.isPresent()) {
            return agencySitemap(request, byHost.get().slug(), null);
        }
        List<FeedXml.Location> sitemaps = new ArrayList<>();
        sitemaps.add(new FeedXml.Location(links.base(request) + PORTAL_SITEMAP, null));
        for (SitemapAgency agency : feeds.sitemapAgencies()) {
            sitemaps.addAll(sitemapsOf(request, agency));
        }
        return xml(FeedXml.sitemapIndex(sitemaps));
    }

    /** The district's own pages: the home page, every agency site's home and the categories. */
    @Get(PORTAL_SITEMAP)
    HttpResponse<String> portalPages(HttpRequest<?> request) {
        String base = links.base(request);
        List<FeedXml.Location> urls = new ArrayList<>();
        urls.add(new FeedXml.Location(base + "/", null));
        for (SitemapAgency agency : feeds.sitemapAgencies()) {
            urls.add(new FeedXml.Location(links.agencyHome(request, agency.slug(), agency.host()), agency.lastChanged()));
        }
        for (PortalCategory category : feeds.categories()) {
            urls.add(new FeedXml.Location(base + "/kategori/" + category.slug(), null));
        }
        return xml(FeedXml.urlset(urls));
    }

    @Get("/{slug}/sitemap.xml{?halaman}")
    HttpResponse<String> agency(HttpRequest<?> request, String slug, @Nullable @QueryValue String halaman) {
        return agencySitemap(request, slug, halaman);
    }

    @Get("/robots.txt")
    HttpResponse<String> robots(HttpRequest<?> request) {
        Optional<PortalTenant> byHost = links.hostTenant(request);
        String sitemap = byHost.map(t -> links.siteBase(request, hostOf(t.slug())) + "/sitemap.xml")
                .orElseGet(() -> links.base(request) + "/sitemap.xml");
        // "/cari" exactly or with a query, so that an agency slug like "cariu" stays crawlable.
        String body = """
                User-agent: *
                Allow: /
                Disallow: /cari$
                Disallow: /cari?
                Disallow: /*/cari$
                Disallow: /*/cari?
                Disallow: /admin
                Disallow: /api/

                Sitemap: %s
                """.formatted(sitemap);
        return HttpResponse.<String>ok(body).contentType(TEXT);
    }

    private HttpResponse<String> agencySitemap(HttpRequest<?> request, String slug, String pageParameter) {
        Optional<SitemapAgency> found = feeds.sitemapAgency(slug);
        Optional<PortalTenant> tenant = portal.tenantBySlug(slug);
        if (found.isEmpty() || tenant.isEmpty()) {
            return pages.notFound(request);
        }
        SitemapAgency agency = found.get();
        int pageCount = pageCount(agency);
        int page = pageParameter == null ? 1 : pageNumber(pageParameter);
        if (page < 1 || page > pageCount) {
            return pages.notFound(request);
        }
        if (pageParameter == null && pageCount > 1) {
            // Too many posts for one file: the agency's own sitemap becomes an index of its pages.
            return xml(FeedXml.sitemapIndex(sitemapsOf(request, agency)));
        }
        List<FeedXml.Location> urls = new ArrayList<>();
        urls.add(new FeedXml.Location(links.agencyHome(request, agency.slug(), agency.host()), agency.lastChanged()));
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (FeedEntry post : feeds.sitemapOfTenant(tenant.get().id(), page)) {
            String url = links.post(request, agency.slug(), agency.host(), post.kind(), post.slug());
            // Documents share one address, the agency's PPID list: it is listed once.
            if (listed.add(url)) {
                urls.add(new FeedXml.Location(url, post.updatedAt()));
            }
        }
        return xml(FeedXml.urlset(urls));
    }

    /** The sitemaps of one agency: one file, or one per 49,999 posts. */
    private List<FeedXml.Location> sitemapsOf(HttpRequest<?> request, SitemapAgency agency) {
        String url = links.siteBase(request, agency.host()) + "/" + agency.slug() + "/sitemap.xml";
        int count = pageCount(agency);
        if (count == 1) {
            return List.of(new FeedXml.Location(url, agency.lastChanged()));
        }
        List<FeedXml.Location> all = new ArrayList<>();
        for (int page = 1; page <= count; page++) {
            all.add(new FeedXml.Location(url + "?halaman=" + page, agency.lastChanged()));
        }
        return all;
    }

    /** Files of at most 50,000 URLs: 49,999 posts and the agency's home page. */
    static int pageCount(SitemapAgency agency) {
        return Math.max(1, (agency.posts() + PortalFeeds.SITEMAP_PAGE - 1) / PortalFeeds.SITEMAP_PAGE);
    }

    private String hostOf(String slug) {
        return feeds.hostsBySlug().get(slug);
    }

    private static int pageNumber(String value) {
        return value.matches("\\d{1,6}") ? Integer.parseInt(value) : 0;
    }

    private static HttpResponse<String> xml(String body) {
        // Kept by the page cache like any page: fresh within a second of a change, with ETag and 304.
        return HttpResponse.<String>ok(body).contentType(XML);
    }
}
