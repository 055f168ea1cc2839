package id.serambi.core.safety;

/**
 * A personal-data finding as the post editor shows it: what kind it is, in which field and paragraph, and the
 * offending text with a little of what surrounds it, so the writer can find and fix it (or an editor can judge
 * it). {@code found} is the text as typed, not masked: the editor shows the post's own draft to its own team,
 * while audit entries and incidents keep only {@link PersonalDataFinding#masked()}.
 *
 * @param paragraph 1-based paragraph (line of the reader-visible text) of the field where the finding starts
 * @param start offset in the field's reader-visible text, as {@link PersonalDataFinding#start()}
 */
public record PersonalDataHighlight(PersonalDataKind kind, String field, int paragraph, int start, int end,
                                    String before, String found, String after, boolean cutBefore, boolean cutAfter) {
}
