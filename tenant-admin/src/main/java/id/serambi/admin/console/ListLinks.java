package id.serambi.admin.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import id.serambi.core.tenant.TenantListQuery;

/** Addresses of the tenants list that keep the current search, filters and order (for the pager). */
public final class ListLinks {
    private ListLinks() {
    }

    public static String tenants(TenantListQuery query, int page) {
        StringJoiner params = new StringJoiner("&", "/admin?", "");
        if (query.search() != null) {
            params.add("q=" + URLEncoder.encode(query.search(), StandardCharsets.UTF_8));
        }
        if (query.status() != null) {
            params.add("status=" + query.status().dbValue());
        }
        if (query.kind() != null) {
            params.add("kind=" + query.kind().dbValue());
        }
        params.add("sort=" + query.sort().param());
        params.add("page=" + page);
        return params.toString();
    }
}
