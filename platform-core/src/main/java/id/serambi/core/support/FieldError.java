package id.serambi.core.support;

import java.util.List;

/** One problem with one input field: the field's name and a message key with its arguments. */
public record FieldError(String field, String messageKey, List<Object> args) {
    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String messageKey, Object... args) {
        return new FieldError(field, messageKey, List.of(args));
    }
}
