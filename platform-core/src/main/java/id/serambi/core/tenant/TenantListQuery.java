package id.serambi.core.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;

/**
 * What the tenants list is asked for: a search over name and slug, a status and a kind to keep, the order,
 * and the page (from 1). Built from raw query parameters by {@link #parse}, which refuses what it cannot
 * understand with field errors rather than guessing.
 */
public record TenantListQuery(String search, TenantStatus status, TenantKind kind, TenantSort sort, int page) {
    public static final int PAGE_SIZE = 25;
    public static final int SEARCH_MAX = 100;
    public static final TenantListQuery DEFAULT = new TenantListQuery(null, null, null, TenantSort.NAME, 1);

    /** Blank parameters mean "any"; unknown values and pages that are not positive numbers are refused. */
    public static TenantListQuery parse(String search, String status, String kind, String sort, String page) {
        List<FieldError> errors = new ArrayList<>();
        String q = blankToNull(search);
        if (q != null && q.length() > SEARCH_MAX) {
            errors.add(FieldError.of("q", "validation.too_long", SEARCH_MAX));
        }
        TenantStatus parsedStatus = null;
        if (blankToNull(status) != null) {
            parsedStatus = Arrays.stream(TenantStatus.values()).filter(s -> s.dbValue().equals(status.trim()))
                    .findFirst().orElse(null);
            if (parsedStatus == null) {
                errors.add(FieldError.of("status", "validation.tenant.status_unknown"));
            }
        }
        TenantKind parsedKind = null;
        if (blankToNull(kind) != null) {
            parsedKind = TenantKind.parse(kind.trim()).orElse(null);
            if (parsedKind == null) {
                errors.add(FieldError.of("kind", "validation.kind.unknown"));
            }
        }
        TenantSort parsedSort = TenantSort.NAME;
        if (blankToNull(sort) != null) {
            parsedSort = TenantSort.parse(sort.trim()).orElse(null);
            if (parsedSort == null) {
                errors.add(FieldError.of("sort", "validation.tenants.sort_unknown"));
            }
        }
        int parsedPage = 1;
        if (blankToNull(page) != null) {
            try {
                parsedPage = Integer.parseInt(page.trim());
            } catch (NumberFormatException notANumber) {
                parsedPage = 0;
            }
            if (parsedPage < 1 || parsedPage > 100_000) {
                errors.add(FieldError.of("page", "validation.tenants.page"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new TenantListQuery(q, parsedStatus, parsedKind, parsedSort, parsedPage);
    }

    public int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
