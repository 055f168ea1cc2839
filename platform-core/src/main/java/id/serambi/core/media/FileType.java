package id.serambi.core.media;

import java.util.Set;

/** A file type Serambi accepts, as recognised from the bytes, with the name endings that may carry it. */
public enum FileType {
    JPEG(MediaKind.IMAGE, "image/jpeg", Set.of("jpg", "jpeg", "jfif")),
    PNG(MediaKind.IMAGE, "image/png", Set.of("png")),
    WEBP(MediaKind.IMAGE, "image/webp", Set.of("webp")),
    GIF(MediaKind.IMAGE, "image/gif", Set.of("gif")),
    PDF(MediaKind.DOCUMENT, "application/pdf", Set.of("pdf")),
    DOCX(MediaKind.DOCUMENT, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
    XLSX(MediaKind.DOCUMENT, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
    PPTX(MediaKind.DOCUMENT, "application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx")),
    ODT(MediaKind.DOCUMENT, "application/vnd.oasis.opendocument.text", Set.of("odt")),
    ODS(MediaKind.DOCUMENT, "application/vnd.oasis.opendocument.spreadsheet", Set.of("ods")),
    ODP(MediaKind.DOCUMENT, "application/vnd.oasis.opendocument.presentation", Set.of("odp")),
    /** Legacy Office (OLE compound file): which of the three only the name tells; the bytes say "Office". */
    OLE_OFFICE(MediaKind.DOCUMENT, "application/octet-stream", Set.of("doc", "xls", "ppt")),
    MP4(MediaKind.VIDEO, "video/mp4", Set.of("mp4", "m4v"));

    private final MediaKind kind;
    private final String contentType;
    private final Set<String> extensions;

    FileType(MediaKind kind, String contentType, Set<String> extensions) {
        this.kind = kind;
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public MediaKind kind() {
        return kind;
    }

    /** The content type to serve; for legacy Office it follows the (already checked) name ending. */
    public String contentType(String extension) {
        if (this == OLE_OFFICE) {
            return switch (extension) {
                case "doc" -> "application/msword";
                case "xls" -> "application/vnd.ms-excel";
                default -> "application/vnd.ms-powerpoint";
            };
        }
        return contentType;
    }

    public Set<String> extensions() {
        return extensions;
    }
}
