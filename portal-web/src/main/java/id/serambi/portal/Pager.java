package id.serambi.portal;

import id.serambi.core.portal.ReaderPage;

/** Links to the previous and next page of a list; {@code query} is the list's other parameters, each ending in "&". */
public record Pager(int page, String previousUrl, String nextUrl) {
    static Pager of(ReaderPage<?> list, String path, String query) {
        String previous = null;
        if (list.hasPrevious()) {
            previous = list.page() == 2
                    ? path + (query.isEmpty() ? "" : "?" + query.substring(0, query.length() - 1))
                    : path + "?" + query + "halaman=" + (list.page() - 1);
        }
        String next = list.hasNext() ? path + "?" + query + "halaman=" + (list.page() + 1) : null;
        return new Pager(list.page(), previous, next);
    }

    public boolean any() {
        return previousUrl != null || nextUrl != null;
    }
}
