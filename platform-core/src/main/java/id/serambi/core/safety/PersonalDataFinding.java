package id.serambi.core.safety;

/**
 * One piece of personal data in one field. {@code start}/{@code end} are offsets in the field's reader-visible
 * text (for the body: {@link HtmlText#of}), so the editor can highlight them; the value itself is kept only
 * masked, because findings end up in audit entries and incident records.
 */
public record PersonalDataFinding(PersonalDataKind kind, String field, String masked, int start, int end) {
}
