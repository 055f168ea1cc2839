package id.serambi.core.feed;

import java.time.OffsetDateTime;

/**
 * One entry of a feed as read, before any cleaning: {@code guid} is the RSS guid or Atom id (null when the
 * feed gives none), {@code bodyHtml} the raw HTML (content:encoded, Atom content, or the description),
 * {@code summaryHtml} the description or Atom summary when there is separate content, {@code date} the
 * item's own date (null when absent or unreadable).
 */
record FeedItem(String guid, String link, String title, String summaryHtml, String bodyHtml, OffsetDateTime date) {
}
