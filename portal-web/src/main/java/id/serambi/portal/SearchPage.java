package id.serambi.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import id.serambi.core.portal.PortalSearch.AgencyName;
import id.serambi.core.portal.PortalTenant;
import id.serambi.core.portal.SearchResults;
import id.serambi.core.post.PostKind;

/**
 * What the search page shows: the form as sent, its mistakes, the results (null before a search or after a
 * mistake), and the links that keep the reader's words and filters (pages, the suggestion, without filters).
 *
 * @param tenant   the agency whose site is searched; null on the district portal
 * @param agencies the agencies the portal's filter offers; empty on an agency's site
 */
public record SearchPage(String action, SearchForm form, SearchResults results, PortalTenant tenant,
                         List<AgencyName> agencies) {
    public SearchPage {
        agencies = List.copyOf(agencies);
    }

    public List<String> kinds() {
        return Arrays.stream(PostKind.values()).map(PostKind::dbValue).toList();
    }

    /** The search runs on the agency's own host name, where its site starts at "/". */
    public boolean onAgencyHost() {
        return tenant != null && "/cari".equals(action);
    }

    /** The path under which the site's feeds and search live: "" on the portal and on an agency's own host, else "/{slug}". */
    public String sitePath() {
        return tenant == null || onAgencyHost() ? "" : "/" + tenant.slug();
    }

    public String pageUrl(int page) {
        return url(form.q(), form.agency(), form.kind(), form.from(), form.to(), page);
    }

    public String withoutFiltersUrl() {
        return url(form.q(), "", "", "", "", 1);
    }

    public String suggestionUrl() {
        return url(results.suggestion(), form.agency(), form.kind(), form.from(), form.to(), 1);
    }

    public boolean hasFilters() {
        return !(form.agency().isEmpty() && form.kind().isEmpty() && form.from().isEmpty() && form.to().isEmpty());
    }

    private String url(String q, String agency, String kind, String from, String to, int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(SearchForm.Q, q);
        params.put(SearchForm.AGENCY, agency);
        params.put(SearchForm.KIND, kind);
        params.put(SearchForm.FROM, from);
        params.put(SearchForm.TO, to);
        params.put(SearchForm.PAGE, page > 1 ? String.valueOf(page) : "");
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return action + "?" + query;
    }
}
