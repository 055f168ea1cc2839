package id.serambi.admin.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.i18n.Messages;
import id.serambi.core.support.FieldError;

/** A form's values as the user typed them and its errors in their language, to show the form again. */
public record FormState(Map<String, String> values, Map<String, String> errors) {

    public static FormState empty() {
        return new FormState(Map.of(), Map.of());
    }

    public static FormState of(Map<String, String> values, List<FieldError> fieldErrors, Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : fieldErrors) {
            errors.merge(e.field(), messages.get(e.messageKey(), e.args().toArray()), (a, b) -> a + " " + b);
        }
        return new FormState(values, errors);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
