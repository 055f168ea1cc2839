package id.serambi.core.safety;

import java.util.List;

/** What the spam guard concluded about a post, and why. */
public record SpamVerdict(Level level, List<Reason> reasons) {
    public SpamVerdict {
        reasons = List.copyOf(reasons);
    }

    public enum Level {
        /** Nothing found. */
        CLEAN,
        /** Signals worth a look that legitimate posts also show; publication goes ahead. */
        SUSPICIOUS,
        /** Online-gambling spam: publication is blocked and an incident recorded. */
        SPAM
    }

    public enum Kind {
        GAMBLING_TERM, GAMBLING_LINK, HIDDEN_TEXT, LINK_TEXT_MISMATCH, MANY_OUTBOUND_LINKS;

        public String messageKey() {
            return "safety.spam." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One signal: where it was found ({@code title}, {@code summary}, {@code bodyHtml}, {@code attachment}),
     * a short detail fit for a message and an incident record (the term, host or hiding technique), and
     * whether it blocks on its own.
     */
    public record Reason(Kind kind, String field, String detail, boolean blocks) {
    }

    public boolean isSpam() {
        return level == Level.SPAM;
    }
}
