package id.serambi.core.portal;

import java.time.LocalDate;

import id.serambi.core.tenant.TenantId;

/**
 * One reader search, already checked: the words, where to look (the district portal, or one agency's site when
 * {@code site} is set), the optional filters, and the page (from 1).
 *
 * @param site       the agency whose site is searched; null searches the district portal
 * @param agencySlug on the portal, only this agency's posts; null for all
 * @param kind       a post kind's database value ("news", "announcement"…); null for all
 * @param from       published on or after this day (in the portal's zone); null for no bound
 * @param to         published on or before this day; null for no bound
 */
public record SearchCriteria(String text, TenantId site, String agencySlug, String kind, LocalDate from, LocalDate to,
                             int page) {
    /** Results on one page. */
    public static final int PAGE_SIZE = 10;
    /** Deeper pages are not offered: nobody reads result 1,000, and counting further costs every search. */
    public static final int MAX_PAGE = 100;
    public static final int MAX_LENGTH = 200;

    public SearchCriteria {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("search text must have 1 to " + MAX_LENGTH + " characters");
        }
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
    }

    public boolean hasFilters() {
        return agencySlug != null || kind != null || from != null || to != null;
    }

    /** The same search without its filters, from the first page. */
    public SearchCriteria withoutFilters() {
        return new SearchCriteria(text, site, null, null, null, null, 1);
    }
}
