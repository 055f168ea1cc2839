package id.serambi.core.testing;

/**
 * Files a citizen or an officer might send with a complaint: real ones, and crafted ones the upload safety must
 * refuse. The same bytes as the media library's tests use ({@link id.serambi.core.media.SampleFiles}).
 */
public final class SampleFiles {
    public static final byte[] PDF = id.serambi.core.media.SampleFiles.plainPdf();
    /** An HTML page with script, named as if it were a PDF. */
    public static final byte[] HTML = id.serambi.core.media.SampleFiles.html();
    public static final byte[] SVG = id.serambi.core.media.SampleFiles.svg();
    /** The start of a Windows program (MZ header). */
    public static final byte[] EXE = id.serambi.core.media.SampleFiles.windowsExe();

    private SampleFiles() {
    }

    public static byte[] png() {
        return id.serambi.core.media.SampleFiles.png(40, 30, false);
    }

    /** Just over the 5 MB limit of an attachment. */
    public static byte[] oversized() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        return big;
    }
}
