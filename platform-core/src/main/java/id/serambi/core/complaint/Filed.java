package id.serambi.core.complaint;

/** The receipt of a filing: the register number and the tracking code; {@code created} false for a repeat. */
public record Filed(long id, String registerNumber, String trackingCode, boolean created) {
    public String groupedCode() {
        return TrackingCodes.grouped(trackingCode);
    }
}
