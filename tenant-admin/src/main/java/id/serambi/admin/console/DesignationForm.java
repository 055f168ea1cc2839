package id.serambi.admin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.designation.DesignationService;
import id.serambi.core.designation.LetterUpload;
import id.serambi.core.designation.NewDesignation;
import io.micronaut.http.multipart.CompletedFileUpload;

/** The designation fields of a console form (also inside the create-tenant form), and the uploaded letter. */
final class DesignationForm {
    static final List<String> FIELDS = List.of("displayName", "username", "email", "role", "letterNumber", "letterDate",
            "signerName", "signerTitle", "validFrom", "validUntil", "delivery");

    private DesignationForm() {
    }

    static NewDesignation designation(Map<String, String> form) {
        return new NewDesignation(form.get("displayName"), form.get("username"), form.get("email"), form.get("role"),
                form.get("letterNumber"), form.get("letterDate"), form.get("signerName"), form.get("signerTitle"),
                form.get("validFrom"), form.get("validUntil"), form.get("delivery"));
    }

    /**
     * The upload; none when no file was chosen. The server refuses bodies beyond its multipart limit (a little
     * above {@link DesignationService#MAX_LETTER_BYTES}), so the service sees and explains "too big" itself.
     */
    static LetterUpload letter(CompletedFileUpload upload) {
        if (upload == null || upload.getSize() == 0 || upload.getFilename() == null || upload.getFilename().isBlank()) {
            return LetterUpload.NONE;
        }
        try {
            return new LetterUpload(upload.getFilename(), upload.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was typed, to show the form again (never the file: a browser cannot be given one back). */
    static Map<String, String> values(Map<String, String> form, List<String> extra) {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
        extra.forEach(f -> values.put(f, form.getOrDefault(f, "")));
        return values;
    }
}
