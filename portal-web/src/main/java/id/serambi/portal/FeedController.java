package id.serambi.portal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.serambi.core.i18n.Messages;
import id.serambi.core.portal.FeedEntry;
import id.serambi.core.portal.PortalCategory;
import id.serambi.core.portal.PortalFeeds;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalTenant;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Feeds for news readers and other sites, in RSS 2.0 ({@code feed.xml}) and Atom ({@code atom.xml}): the district
 * portal's, each agency's ({@code /{slug}/feed.xml}; {@code /feed.xml} on the agency's own host) and each
 * category's ({@code /kategori/{cat}/feed.xml}). The newest posts, with absolute links and plain-text
 * descriptions. Feeds are in Indonesian, the language of the content.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
class FeedController {
    static final int ITEMS = 30;
    static final MediaType RSS = MediaType.of("application/rss+xml;charset=utf-8");
    static final MediaType ATOM = MediaType.of("application/atom+xml;charset=utf-8");

    private final PortalFeeds feeds;
    private final PortalQueries portal;
    private final PortalPages pages;
    private final PortalLinks links;
    private final String portalName;
    private final ZoneId zone;
    private final Messages messages = Messages.of(Messages.INDONESIAN, PortalPages.BUNDLE);

    FeedController(PortalFeeds feeds, PortalQueries portal, PortalPages pages, PortalLinks links,
                   @Value("${serambi.portal.name:Kabupaten Contoh}") String portalName, ZoneId zone) {
        this.feeds = feeds;
        this.portal = portal;
        this.pages = pages;
        this.links = links;
        this.portalName = portalName;
        this.zone = zone;
    }

    @Get("/feed.xml")
    HttpResponse<String> rss(HttpRequest<?> request) {
        return hostOrPortal(request, false);
    }

    @Get("/atom.xml")
    HttpResponse<String> atom(HttpRequest<?> request) {
        return hostOrPortal(request, true);
    }

    @Get("/{slug}/feed.xml")
    HttpResponse<String> agencyRss(HttpRequest<?> request, String slug) {
        return portal.tenantBySlug(slug).map(t -> agency(request, t, false)).orElseGet(() -> pages.notFound(request));
    }

    @Get("/{slug}/atom.xml")
    HttpResponse<String> agencyAtom(HttpRequest<?> request, String slug) {
        return portal.tenantBySlug(slug).map(t -> agency(request, t, true)).orElseGet(() -> pages.notFound(request));
    }

    @Get("/kategori/{category}/feed.xml")
    HttpResponse<String> categoryRss(HttpRequest<?> request, String category) {
        return feeds.category(category).map(c -> category(request, c, false)).orElseGet(() -> pages.notFound(request));
    }

    @Get("/kategori/{category}/atom.xml")
    HttpResponse<String> categoryAtom(HttpRequest<?> request, String category) {
        return feeds.category(category).map(c -> category(request, c, true)).orElseGet(() -> pages.notFound(request));
    }

    private HttpResponse<String> hostOrPortal(HttpRequest<?> request, boolean atom) {
        Optional<PortalTenant> byHost = links.hostTenant(request);
        if (byHost.isPresent()) {
            return agency(request, byHost.get(), atom);
        }
        String base = links.base(request);
        var channel = new FeedXml.Channel(messages.get("feed.portal_title", portalName),
                messages.get("feed.portal_description", portalName), base + "/",
                base + (atom ? "/atom.xml" : "/feed.xml"), "id");
        return respond(request, channel, feeds.latestOnPortal(ITEMS), atom);
    }

    private HttpResponse<String> agency(HttpRequest<?> request, PortalTenant tenant, boolean atom) {
        if (tenant.suspended()) {
            return pages.render(request, HttpStatus.SERVICE_UNAVAILABLE, "maintenance.jte", Map.of("tenant", tenant));
        }
        String host = feeds.hostsBySlug().get(tenant.slug());
        String self = links.siteBase(request, host) + "/" + tenant.slug() + (atom ? "/atom.xml" : "/feed.xml");
        var channel = new FeedXml.Channel(tenant.name() + " · " + portalName,
                messages.get("feed.agency_description", tenant.name()), links.agencyHome(request, tenant.slug(), host),
                self, "id");
        return respond(request, channel, feeds.latestOfTenant(tenant.id(), ITEMS), atom);
    }

    private HttpResponse<String> category(HttpRequest<?> request, PortalCategory category, boolean atom) {
        String base = links.base(request);
        String page = base + "/kategori/" + category.slug();
        var channel = new FeedXml.Channel(messages.get("feed.category_title", category.name(), portalName),
                messages.get("feed.category_description", category.name(), portalName), page,
                page + (atom ? "/atom.xml" : "/feed.xml"), "id");
        return respond(request, channel, feeds.latestInCategory(category, ITEMS), atom);
    }

    private HttpResponse<String> respond(HttpRequest<?> request, FeedXml.Channel channel, List<FeedEntry> entries,
                                         boolean atom) {
        Map<String, String> hosts = feeds.hostsBySlug();
        List<FeedXml.Item> items = entries.stream().map(e -> new FeedXml.Item(e.title(),
                links.post(request, e.tenantSlug(), hosts.get(e.tenantSlug()), e.kind(), e.slug()), e.description(),
                e.tenantName(), e.categoryName(), e.publishedAt(), e.updatedAt())).toList();
        String body = atom ? FeedXml.atom(channel, items, portalName) : FeedXml.rss(channel, items, zone);
        // Kept by the page cache like any page: fresh within a second of a change, with ETag and 304.
        return HttpResponse.<String>ok(body).contentType(atom ? ATOM : RSS);
    }
}
