package id.serambi.core.portal;

import java.util.List;

/** One page of a list (1-based) and whether another follows; found by asking for one more row, never by counting. */
public record ReaderPage<T>(List<T> items, int page, boolean hasNext) {
    public ReaderPage {
        items = List.copyOf(items);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    static <T> ReaderPage<T> of(List<T> fetched, int page, int size) {
        boolean more = fetched.size() > size;
        return new ReaderPage<>(more ? fetched.subList(0, size) : fetched, page, more);
    }
}
