package id.serambi.core.coordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.Validator;

/**
 * What the review stream shows: optionally one agency (slug), one category (slug), a date range (inclusive,
 * in the portal's time zone), and the page. Parsed from query parameters; a malformed one is a 400.
 */
public record StreamFilter(String tenantSlug, String categorySlug, LocalDate from, LocalDate to, int page) {
    public static final StreamFilter ALL = new StreamFilter(null, null, null, null, 1);
    public static final int PAGE_SIZE = 30;

    public static StreamFilter parse(Optional<String> tenant, Optional<String> category, Optional<String> from,
                                     Optional<String> to, Optional<String> page) {
        Validator validator = new Validator();
        LocalDate fromDate = date(validator, "from", from);
        LocalDate toDate = date(validator, "to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            validator.add(FieldError.of("to", "coordination.filter.range"));
        }
        int pageNumber = 1;
        String p = page.map(String::strip).orElse("");
        if (!p.isEmpty()) {
            try {
                pageNumber = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                pageNumber = 0;
            }
            if (pageNumber < 1 || pageNumber > 10_000) {
                validator.add(FieldError.of("page", "coordination.filter.page"));
            }
        }
        validator.check();
        return new StreamFilter(blankToNull(tenant), blankToNull(category), fromDate, toDate, pageNumber);
    }

    private static LocalDate date(Validator validator, String field, Optional<String> value) {
        String text = value.map(String::strip).orElse("");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            validator.add(FieldError.of(field, "coordination.filter.date"));
            return null;
        }
    }

    private static String blankToNull(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    public String value(String field) {
        return switch (field) {
            case "tenant" -> tenantSlug == null ? "" : tenantSlug;
            case "category" -> categorySlug == null ? "" : categorySlug;
            case "from" -> from == null ? "" : from.toString();
            case "to" -> to == null ? "" : to.toString();
            default -> "";
        };
    }
}
