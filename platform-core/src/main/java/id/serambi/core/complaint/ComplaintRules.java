package id.serambi.core.complaint;

import java.util.List;
import java.util.regex.Pattern;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.Validator;

/** What a complaint must carry, the same for the portal form and the officer's intake. */
final class ComplaintRules {
    static final int MAX_DESCRIPTION = 5000;
    static final int MIN_DESCRIPTION = 10;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private ComplaintRules() {
    }

    /** Checks the complaint; {@code citizen} adds what the public form needs (a contact, consent). */
    static void check(NewComplaint c, List<String> categories, boolean citizen) {
        Validator v = new Validator();
        v.require("name", c.name(), 200);
        String phone = blankToNull(c.phone());
        String email = blankToNull(c.email());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            v.add(FieldError.of("phone", "complaint.error.phone"));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            v.add(FieldError.of("email", "complaint.error.email"));
        }
        if (citizen && phone == null && email == null) {
            v.add(FieldError.of("phone", "complaint.error.contact_needed"));
        }
        if (!categories.isEmpty() && (c.category() == null || !categories.contains(c.category()))) {
            v.add(FieldError.of("category", "complaint.error.category"));
        }
        String description = c.description() == null ? "" : c.description().strip();
        if (description.length() < MIN_DESCRIPTION) {
            v.add(FieldError.of("description", "complaint.error.description_short", MIN_DESCRIPTION));
        } else if (description.length() > MAX_DESCRIPTION) {
            v.add(FieldError.of("description", "complaint.error.description_long", MAX_DESCRIPTION));
        }
        if (citizen && !c.consent()) {
            v.add(FieldError.of("consent", "complaint.error.consent"));
        }
        v.check();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
