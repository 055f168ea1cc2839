package id.serambi.core.complaint;

/**
 * A complaint as given: by a citizen on the portal (channel web) or recorded by an officer. {@code formToken}
 * identifies the form it came from, so that submitting it twice files one complaint.
 */
public record NewComplaint(String channel, String name, String phone, String email, String category, String description,
                           boolean consent, String formToken) {
}
