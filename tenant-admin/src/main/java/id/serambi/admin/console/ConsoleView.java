package id.serambi.admin.console;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import id.serambi.core.access.Actor;
import id.serambi.core.i18n.LocalizedView;
import id.serambi.core.i18n.Messages;

/**
 * What every console page needs: the text in the reader's language, who is signed in, the form token, and
 * dates in the portal's time zone.
 */
public record ConsoleView(Messages messages, Actor actor, String csrfToken, ZoneId zone) implements LocalizedView {
    public String dateTime(OffsetDateTime at) {
        if (at == null) {
            return "—";
        }
        return at.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(messages.locale()));
    }

    public String zoneName() {
        return zone.getId();
    }
}
