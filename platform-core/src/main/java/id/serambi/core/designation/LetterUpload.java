package id.serambi.core.designation;

/** The scanned letter as uploaded; absent when {@code content} is null or empty. */
public record LetterUpload(String fileName, byte[] content) {
    public static final LetterUpload NONE = new LetterUpload(null, null);

    public boolean present() {
        return content != null && content.length > 0;
    }

    @Override
    public String toString() {
        return "LetterUpload[" + fileName + ", " + (content == null ? 0 : content.length) + " bytes]";
    }
}
