package id.serambi.core.safety;

import java.util.ArrayList;
import java.util.List;

import id.serambi.core.i18n.MessageKey;
import id.serambi.core.support.FieldError;

/**
 * What the content-safety check found in a post: personal data (positions for the editor to highlight), the
 * spam guard's verdict, and attachments whose text could not be read in full.
 */
public record SafetyReport(List<PersonalDataFinding> personalData, SpamVerdict spam,
                           List<AttachmentScan> attachments) {
    /** Most findings named in one refusal; the editor shows all of them, a message need not. */
    static final int ERRORS_NAMED = 10;

    public SafetyReport {
        personalData = List.copyOf(personalData);
        attachments = List.copyOf(attachments);
    }

    /** How far an attachment's text was read. */
    public record AttachmentScan(String name, PdfText.Outcome outcome, int pagesRead, int pageCount) {
    }

    public boolean blocksAsSpam() {
        return spam.isSpam();
    }

    public boolean hasPersonalData() {
        return !personalData.isEmpty();
    }

    /** The spam refusal in the writer's words: what was found and where. */
    public List<FieldError> spamErrors() {
        List<FieldError> errors = new ArrayList<>();
        for (SpamVerdict.Reason reason : spam.reasons()) {
            if (errors.size() == ERRORS_NAMED) {
                break;
            }
            errors.add(FieldError.of(reason.field(), "validation.safety.spam",
                    new MessageKey(reason.kind().messageKey()), reason.detail()));
        }
        return errors;
    }

    /** The personal-data refusal: each finding masked, with how to proceed. */
    public List<FieldError> personalDataErrors() {
        List<FieldError> errors = new ArrayList<>();
        for (PersonalDataFinding finding : personalData) {
            if (errors.size() == ERRORS_NAMED) {
                break;
            }
            errors.add(FieldError.of(finding.field(), "validation.safety.personal_data",
                    new MessageKey(finding.kind().messageKey()), finding.masked()));
        }
        return errors;
    }

    /** Counts per kind, e.g. "NIK=1, PHONE=2": what an audit entry may say about findings. */
    public String personalDataSummary() {
        java.util.Map<PersonalDataKind, Long> counts = new java.util.EnumMap<>(PersonalDataKind.class);
        personalData.forEach(f -> counts.merge(f.kind(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
