package id.serambi.core.portal;

import java.util.List;

/**
 * One page of a search's results.
 *
 * @param total         how many posts match, counted up to {@link #COUNT_LIMIT} (more shows as "more than")
 * @param similarTitles the full-text search found nothing and these are titles that look like the words (typos)
 * @param suggestion    words that would find something ("Mungkin maksud Anda"), or null
 * @param latest        when nothing was found at all: the newest posts where the reader searched
 */
public record SearchResults(SearchCriteria criteria, List<SearchHit> hits, int total, boolean similarTitles,
                            String suggestion, List<PortalPost> latest) {
    public static final int COUNT_LIMIT = SearchCriteria.PAGE_SIZE * SearchCriteria.MAX_PAGE;

    public SearchResults {
        hits = List.copyOf(hits);
        latest = List.copyOf(latest);
    }

    public boolean found() {
        return !hits.isEmpty();
    }

    public boolean countCapped() {
        return total >= COUNT_LIMIT;
    }

    public int pages() {
        return Math.max(1, (Math.min(total, COUNT_LIMIT) + SearchCriteria.PAGE_SIZE - 1) / SearchCriteria.PAGE_SIZE);
    }

    public int page() {
        return criteria.page();
    }

    public boolean hasNext() {
        return page() < pages();
    }

    public boolean hasPrevious() {
        return page() > 1;
    }
}
