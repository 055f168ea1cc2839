package id.serambi.core.post;

/**
 * A workflow step as a person asks for it, unparsed: the event's name ({@code submit}, {@code publish}, …),
 * a note or reason, and for a schedule the time, either with an offset ({@code 2026-12-01T08:00+07:00}) or
 * without one, meaning the portal's time zone (what a browser's date-time field sends); and, when the
 * personal-data scan found something, an editor's reason for publishing anyway.
 */
public record PostStep(String event, String note, String scheduledAt, String personalDataOverrideReason) {
}
