package id.serambi.core.complaint;

import java.time.OffsetDateTime;

/**
 * An agency's time standards (mutu baku) of seed 004, counted in office hours: receiving, verifying and
 * recording (15 minutes each), the officer's own answer (15 minutes), an answer that needs the official or the
 * answer team (2 office days), and delivering the answer (15 minutes).
 */
public record ComplaintStandards(int receiveMinutes, int verifyMinutes, int recordMinutes, int answerMinutes,
                                 int escalatedAnswerDays, int deliverMinutes) {
    public static final ComplaintStandards SEED_004 = new ComplaintStandards(15, 15, 15, 15, 2, 15);
    public static final int MAX_MINUTES = 10_080;
    public static final int MAX_DAYS = 60;

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
