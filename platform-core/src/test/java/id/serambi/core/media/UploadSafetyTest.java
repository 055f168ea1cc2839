package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import id.serambi.core.support.InvalidInputException;

/** The public face of the media library's upload safety, for attachments: crafted files a citizen could send. */
class UploadSafetyTest {

    @Test
    void aPngThatIsReallyHtmlIsRefused() {
        byte[] html = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused("bukti.png", html);
    }

    @Test
    void anSvgIsRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThat(assertRefused("denah.svg", svg)).isEqualTo("media.refused.svg");
    }

    @Test
    void aRealPngCarryingScriptIsRefusedAsAPolyglot() throws IOException {
        byte[] png = image("png", false);
        byte[] polyglot = concat(png, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertRefused("foto.png", polyglot);
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedWithTheLimitNamed() {
        byte[] big = new byte[(int) UploadSafety.ATTACHMENT_MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        InvalidInputException refused = (InvalidInputException) org.assertj.core.api.Assertions
                .catchThrowable(() -> UploadSafety.inspectAttachment("pindaian.jpg", big));
        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.messageKey()).isEqualTo("complaint.attachment.too_large");
            assertThat(e.args()).containsExactly("pindaian.jpg", 5L);
        });
    }

    @Test
    void aJpegWithExifIsStoredReEncodedWithoutIt() throws IOException {
        byte[] secret = "SERAMBI-GPS-SECRET".getBytes(StandardCharsets.US_ASCII);
        byte[] jpeg = withExif(image("jpg", false), secret);
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif", "SERAMBI-GPS-SECRET");

        UploadSafety.SafeFile kept = UploadSafety.inspectAttachment("C:\\Users\\warga\\foto jalan.jpg", jpeg);

        assertThat(kept.fileName()).isEqualTo("foto jalan.jpg");
        assertThat(kept.contentType()).isEqualTo("image/jpeg");
        String stored = new String(kept.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("Exif").doesNotContain("SERAMBI-GPS-SECRET");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(kept.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(40);
        assertThat(decoded.getHeight()).isEqualTo(30);
    }

    private static String assertRefused(String name, byte[] bytes) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> UploadSafety.inspectAttachment(name, bytes));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        var errors = ((InvalidInputException) thrown).errors();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("file"));
        return errors.get(0).messageKey();
    }

    private static byte[] image(String format, boolean alpha) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** An APP1 Exif segment (big-endian TIFF header, an empty IFD, then the secret) right after the JPEG's SOI. */
    private static byte[] withExif(byte[] jpeg, byte[] secret) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0});
        payload.writeBytes(secret);
        int length = payload.size() + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload.toByteArray());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
