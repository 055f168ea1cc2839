package id.serambi.core.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One post found: where it lives, its title and a snippet with the matched words marked. Title and snippet are
 * plain text cut into segments, so a template escapes every character and only adds {@code <mark>} around
 * marked segments: nothing stored in a post can become markup on the results page.
 */
public record SearchHit(long id, String tenantSlug, String tenantName, String kind, String slug, String title,
                        List<Segment> titleSegments, List<Segment> snippet, OffsetDateTime publishedAt) {
    /** Where ts_headline puts the start and end of a match (the migration strips these from post text). */
    static final char MARK_START = '\u0002';
    static final char MARK_END = '\u0003';

    public SearchHit {
        titleSegments = List.copyOf(titleSegments);
        snippet = List.copyOf(snippet);
    }

    /**
     * Where the reader finds the post: {@code siteBase} is "" when the search runs on the agency's own host (all
     * hits are that agency's), else the hit's agency lives under "/{slug}" on the portal.
     */
    public String path(boolean onAgencyHost) {
        return PostPath.of(onAgencyHost ? "" : "/" + tenantSlug, kind, slug);
    }

    /** A run of plain text; {@code marked} when it is a match. */
    public record Segment(String text, boolean marked) {
    }

    /** Cuts ts_headline's output at the markers; unbalanced or stray markers never yield markup, only text. */
    static List<Segment> segments(String headline) {
        List<Segment> segments = new ArrayList<>();
        if (headline == null) {
            return segments;
        }
        StringBuilder run = new StringBuilder();
        boolean marked = false;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            if (c == MARK_START || c == MARK_END) {
                if (!run.isEmpty()) {
                    segments.add(new Segment(run.toString(), marked));
                    run.setLength(0);
                }
                marked = c == MARK_START;
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) {
            segments.add(new Segment(run.toString(), marked));
        }
        return segments;
    }
}
