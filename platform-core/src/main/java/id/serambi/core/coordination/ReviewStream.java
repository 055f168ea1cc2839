package id.serambi.core.coordination;

import java.util.List;

/** One page of the review stream, with the choices of the filter form. */
public record ReviewStream(StreamFilter filter, List<StreamItem> items, boolean hasNext, List<Choice> agencies,
                           List<Choice> categories) {
    /** A slug and its name, for a filter's select box. */
    public record Choice(String slug, String name) {
    }
}
