package id.serambi.core.support;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of one input before refusing it, so a form shows all problems at once. */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    public Validator require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "validation.required"));
        } else {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    public Validator maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(FieldError.of(field, "validation.too_long", maxLength));
        }
        return this;
    }

    public Validator add(FieldError error) {
        errors.add(error);
        return this;
    }

    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Throws {@link InvalidInputException} with every error collected, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
