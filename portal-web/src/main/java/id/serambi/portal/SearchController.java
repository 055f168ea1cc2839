package id.serambi.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalSearch;
import id.serambi.core.portal.PortalSearch.AgencyName;
import id.serambi.core.portal.PortalTenant;
import id.serambi.core.portal.SearchResults;
import id.serambi.core.support.FieldError;
import id.serambi.portal.cache.PageCacheFilter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Search for readers: across the district portal at {@code /cari}, within one agency's site at
 * {@code /{slug}/cari} (and at {@code /cari} on the agency's own host name). A mistake in the form (too long,
 * a date that is not one, an unknown kind, a page that does not exist) answers 400 with the form and a message.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
class SearchController {
    private final PortalSearch search;
    private final PortalQueries portal;
    private final PortalPages pages;
    private final PortalLinks links;

    SearchController(PortalSearch search, PortalQueries portal, PortalPages pages, PortalLinks links) {
        this.search = search;
        this.portal = portal;
        this.pages = pages;
        this.links = links;
    }

    @Get("/cari")
    HttpResponse<String> portalSearch(HttpRequest<?> request) {
        Optional<PortalTenant> byHost = links.hostTenant(request);
        if (byHost.isPresent()) {
            return siteSearch(request, byHost.get(), "/cari");
        }
        List<AgencyName> agencies = search.agencies();
        Set<String> known = agencies.stream().map(AgencyName::slug).collect(Collectors.toSet());
        return respond(request, "/cari", SearchForm.read(request, known), null, agencies);
    }

    @Get("/{slug}/cari")
    HttpResponse<String> agencySearch(HttpRequest<?> request, String slug) {
        return portal.tenantBySlug(slug).map(t -> siteSearch(request, t, "/" + t.slug() + "/cari"))
                .orElseGet(() -> pages.notFound(request));
    }

    private HttpResponse<String> siteSearch(HttpRequest<?> request, PortalTenant tenant, String action) {
        if (tenant.suspended()) {
            return pages.render(request, HttpStatus.SERVICE_UNAVAILABLE, "maintenance.jte", Map.of("tenant", tenant));
        }
        // Within one agency's site there is no agency filter: a stray "instansi" is a mistake.
        return respond(request, action, SearchForm.read(request, Set.of()), tenant, List.of());
    }

    private HttpResponse<String> respond(HttpRequest<?> request, String action, SearchForm form, PortalTenant tenant,
                                         List<AgencyName> agencies) {
        if (!form.valid()) {
            return render(request, HttpStatus.BAD_REQUEST, new SearchPage(action, form, null, tenant, agencies));
        }
        if (form.blank()) {
            return render(request, HttpStatus.OK, new SearchPage(action, form, null, tenant, agencies));
        }
        SearchResults results = search.search(form.criteria(tenant == null ? null : tenant.id()));
        if (results.page() > results.pages()) {
            SearchForm beyond = new SearchForm(form.q(), form.agency(), form.kind(), form.from(), form.to(), form.page(),
                    List.of(FieldError.of(SearchForm.PAGE, "search.error.page_beyond", results.pages())));
            return render(request, HttpStatus.BAD_REQUEST, new SearchPage(action, beyond, null, tenant, agencies));
        }
        return render(request, HttpStatus.OK, new SearchPage(action, form, results, tenant, agencies));
    }

    private HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, SearchPage page) {
        // Result pages are for people, not for indexes (robots.txt says so too).
        HttpResponse<String> response = pages.render(request, status, "search.jte", Map.of("page", page));
        if (response instanceof MutableHttpResponse<String> mutable) {
            mutable.header(PageCacheFilter.ROBOTS_HEADER, "noindex");
        }
        return response;
    }
}
