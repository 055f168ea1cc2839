package id.serambi.core.complaint;

import java.util.List;
import java.util.regex.Pattern;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.Validator;

/** What a complaint must carry, the same for the portal form and the officer's intake. */
final class ComplaintRules {
    static final int MAX_DESCRIPTION = 5000;
    static final int MIN_DESCRIPTION = 10;
    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 20;
    static final int MAX_EMAIL = 254;
    static final int MAX_CATEGORY = 100;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private ComplaintRules() {
    }

    /** Checks the complaint; {@code citizen} adds what the public form needs (a contact, consent). */
    static void check(NewComplaint c, List<String> categories, boolean citizen) {
        Validator v = new Validator();
        v.require("name", c.name() == null ? null : c.name().strip(), MAX_NAME);
        String phone = blankToNull(c.phone());
        String email = blankToNull(c.email());
        if (phone != null && phone.length() > MAX_PHONE) {
            v.add(FieldError.of("phone", "complaint.error.phone_long", MAX_PHONE));
        } else if (phone != null && !PHONE.matcher(phone).matches()) {
            v.add(FieldError.of("phone", "complaint.error.phone"));
        }
        if (email != null && email.length() > MAX_EMAIL) {
            v.add(FieldError.of("email", "complaint.error.email_long", MAX_EMAIL));
        } else if (email != null && !EMAIL.matcher(email).matches()) {
            v.add(FieldError.of("email", "complaint.error.email"));
        }
        if (citizen && phone == null && email == null) {
            v.add(FieldError.of("phone", "complaint.error.contact_needed"));
        }
        String category = blankToNull(c.category());
        if (!categories.isEmpty() && (category == null || !categories.contains(category))) {
            v.add(FieldError.of("category", "complaint.error.category"));
        } else if (categories.isEmpty() && category != null) {
            // An agency without categories offers none: whatever came is not a choice from its list (and could be
            // anything a script sends, of any length).
            v.add(FieldError.of("category", category.length() > MAX_CATEGORY
                    ? "complaint.error.category_long" : "complaint.error.category_none", MAX_CATEGORY));
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
