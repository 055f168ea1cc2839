package id.serambi.portal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import id.serambi.core.i18n.LocalizedView;
import id.serambi.core.i18n.Messages;
import id.serambi.core.support.TextClip;

/** What every portal page needs: the district's name, text in the reader's language, dates in the portal's zone. */
public record PortalView(Messages messages, String portalName, ZoneId zone) implements LocalizedView {
    public String date(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.locale()));
    }

    /** Machine-readable time for the datetime attribute. */
    /** The calendar day in the portal's zone, e.g. 2026-12-05: enough for a {@code <time>} that shows only a date. */
    public String isoDay(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone).toLocalDate().toString();
    }

    /** At most {@code max} characters, cut at a word with an ellipsis: a long profile text stays a summary. */
    public String clip(String text, int max) {
        return TextClip.clip(text, max);
    }

    public String isoDate(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone).toOffsetDateTime().toString();
    }
}
