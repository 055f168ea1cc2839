package id.serambi.admin.console;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.i18n.LocalizedView;
import id.serambi.core.i18n.Messages;
import id.serambi.core.quota.QuotaWeek;

/**
 * What every console page needs: the text in the reader's language, who is signed in, the form token, dates in
 * the portal's time zone, and the page's CSP nonce (for a {@code <script nonce>} or {@code <style nonce>}; the
 * policy refuses every other inline script and style), and how many of the person's notifications are unread
 * (for the header's link).
 */
public record ConsoleView(Messages messages, Actor actor, String csrfToken, ZoneId zone, String cspNonce,
                          int unreadNotifications) implements LocalizedView {
    public String dateTime(OffsetDateTime at) {
        if (at == null) {
            return "—";
        }
        return at.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(messages.locale()));
    }

    /** Whether this person may do the platform action (so the page offers its form or button). */
    public boolean may(Action action) {
        return actor != null && actor.hasPlatformRole(action.platformRoles());
    }

    /** Whether this person may do the action in the given tenant through one of their roles there. */
    public boolean mayIn(Action action, String slug) {
        return actor != null && actor.rolesIn(slug).stream().anyMatch(action.tenantRoles()::contains);
    }

    /** "16–22 November 2026": a quota week as people say it. */
    public String weekRange(QuotaWeek week) {
        var locale = messages().locale();
        var first = week.start().toLocalDate();
        var last = week.end().toLocalDate().minusDays(1);
        DateTimeFormatter full = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(first.getMonth() == last.getMonth() ? "d" : "d MMMM", locale);
        return day.format(first) + "–" + full.format(last);
    }

    public String zoneName() {
        return zone.getId();
    }
}
