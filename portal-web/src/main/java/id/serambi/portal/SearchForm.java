package id.serambi.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import id.serambi.core.portal.SearchCriteria;
import id.serambi.core.post.PostKind;
import id.serambi.core.support.FieldError;
import id.serambi.core.tenant.TenantId;
import io.micronaut.http.HttpRequest;

/**
 * The search form's fields as the reader sent them (kept to fill the form again) and what they mean once
 * checked. Every mistake becomes a message key, never an exception: a bad search gets a friendly 400 page.
 */
public record SearchForm(String q, String agency, String kind, String from, String to, String page, List<FieldError> errors) {
    static final String Q = "q";
    static final String AGENCY = "instansi";
    static final String KIND = "jenis";
    static final String FROM = "dari";
    static final String TO = "sampai";
    static final String PAGE = "halaman";

    public SearchForm {
        errors = List.copyOf(errors);
    }

    static SearchForm read(HttpRequest<?> request, Set<String> knownAgencies) {
        var p = request.getParameters();
        // Control characters mean nothing in a search and PostgreSQL refuses NUL: they go.
        String q = p.getFirst(Q).orElse("").replaceAll("\\p{Cc}", " ").strip();
        String agency = p.getFirst(AGENCY).orElse("").strip();
        String kind = p.getFirst(KIND).orElse("").strip();
        String from = p.getFirst(FROM).orElse("").strip();
        String to = p.getFirst(TO).orElse("").strip();
        String page = p.getFirst(PAGE).orElse("").strip();
        List<FieldError> errors = new ArrayList<>();
        if (q.length() > SearchCriteria.MAX_LENGTH) {
            errors.add(FieldError.of(Q, "search.error.too_long", SearchCriteria.MAX_LENGTH));
        }
        if (!agency.isEmpty() && knownAgencies != null && !knownAgencies.contains(agency)) {
            errors.add(FieldError.of(AGENCY, "search.error.agency"));
        }
        if (!kind.isEmpty() && PostKind.parse(kind).isEmpty()) {
            errors.add(FieldError.of(KIND, "search.error.kind"));
        }
        LocalDate fromDate = date(from, FROM, errors);
        LocalDate toDate = date(to, TO, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(FieldError.of(TO, "search.error.date_order"));
        }
        if (!page.isEmpty() && pageNumber(page) == 0) {
            errors.add(FieldError.of(PAGE, "search.error.page", SearchCriteria.MAX_PAGE));
        }
        return new SearchForm(q, agency, kind, from, to, page, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Nothing asked yet: the page shows the empty form. */
    public boolean blank() {
        return q.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The checked search; only for a valid, non-blank form. */
    SearchCriteria criteria(TenantId site) {
        return new SearchCriteria(q, site, agency.isEmpty() ? null : agency, kind.isEmpty() ? null : kind,
                from.isEmpty() ? null : LocalDate.parse(from), to.isEmpty() ? null : LocalDate.parse(to),
                page.isEmpty() ? 1 : pageNumber(page));
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1945 || date.getYear() > 2100) {
                errors.add(FieldError.of(field, "search.error.date"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "search.error.date"));
            return null;
        }
    }

    /** 1 to the last page offered, else 0. */
    private static int pageNumber(String value) {
        if (!value.matches("\\d{1,4}")) {
            return 0;
        }
        int n = Integer.parseInt(value);
        return n >= 1 && n <= SearchCriteria.MAX_PAGE ? n : 0;
    }
}
