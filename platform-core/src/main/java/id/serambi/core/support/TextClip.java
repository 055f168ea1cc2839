package id.serambi.core.support;

/** Shortening plain text for display: the feed poller's titles and summaries, the portal's directory entries. */
public final class TextClip {
    private TextClip() {
    }

    /** At most {@code max} characters, cut at a word boundary where there is one near the limit, with an ellipsis. */
    public static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max - 1);
        int space = head.lastIndexOf(' ');
        if (space > max / 2) {
            head = head.substring(0, space);
        }
        return head.strip() + "…";
    }
}
