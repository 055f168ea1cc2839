package id.serambi.core.complaint;

import java.time.OffsetDateTime;

/**
 * An agency's time standards (mutu baku) of seed 004, counted in office hours: receiving, verifying and
 * recording (15 minutes each), the officer's own answer (15 minutes), an answer that needs the official or the
 * answer team (2 office days), and delivering the answer (15 minutes). A complaint filed on the web must still be
 * received by the desk, so its first clock is receive + verify + record; one an officer records at the desk (walk-in,
 * WhatsApp, ...) was received there and then, so its clock is verify + record.
 */
public record ComplaintStandards(int receiveMinutes, int verifyMinutes, int recordMinutes, int answerMinutes,
                                 int escalatedAnswerDays, int deliverMinutes) {
    public static final ComplaintStandards SEED_004 = new ComplaintStandards(15, 15, 15, 15, 2, 15);
    public static final int MAX_MINUTES = 10_080;
    public static final int MAX_DAYS = 60;

    /** When a new complaint's first step (receive when filed on the web, verify, record) falls due. */
    public OffsetDateTime dueOnFiling(ComplaintChannel channel, OffsetDateTime start, OfficeCalendar calendar) {
        int minutes = verifyMinutes + recordMinutes + (channel == ComplaintChannel.WEB ? receiveMinutes : 0);
        return calendar.addOfficeMinutes(start, minutes);
    }

    /**
     * When the step that starts at {@code start} in {@code status} falls due. A new complaint must be verified
     * and recorded; a verified one answered (or escalated) by the officer; an escalated one answered within
     * office days; an answered one delivered. Other states run no office clock: null.
     */
    public OffsetDateTime dueFor(ComplaintStatus status, OffsetDateTime start, OfficeCalendar calendar) {
        return switch (status) {
            case RECEIVED -> calendar.addOfficeMinutes(start, verifyMinutes + recordMinutes);
            case VERIFIED -> calendar.addOfficeMinutes(start, answerMinutes);
            case ESCALATED -> calendar.addOfficeDays(start, escalatedAnswerDays);
            case ANSWERED -> calendar.addOfficeMinutes(start, deliverMinutes);
            default -> null;
        };
    }
}
