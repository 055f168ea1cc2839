package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import id.serambi.core.support.InvalidInputException;

class ImageProcessorTest {
    static final long LIMIT = 40_000_000;

    @Test
    void exif_and_gps_are_gone_and_the_camera_turn_is_applied_to_the_pixels() throws IOException {
        byte[] upload = SampleFiles.jpegWithExifGps(300, 200);
        assertThat(containsAscii(upload, "Exif")).isTrue();
        assertThat(ExifOrientation.of(upload)).isEqualTo(6);

        ImageProcessor.Processed processed = ImageProcessor.process(FileType.JPEG, upload, LIMIT);

        assertThat(processed.width()).isEqualTo(200);
        assertThat(processed.height()).isEqualTo(300);
        for (ImageProcessor.Variant variant : processed.variants()) {
            assertThat(containsAscii(variant.bytes(), "Exif")).as(variant.name()).isFalse();
            assertThat(hasSegment(variant.bytes(), 0xE1)).as(variant.name()).isFalse();
            assertThat(ExifOrientation.of(variant.bytes())).isEqualTo(1);
        }
    }

    @Test
    void widths_for_srcset_are_made_only_below_the_pictures_own_width() throws IOException {
        var large = ImageProcessor.process(FileType.JPEG, SampleFiles.jpeg(2000, 1000, false), LIMIT);
        assertThat(large.variants()).extracting(ImageProcessor.Variant::name).containsExactly("full", "480", "960", "1600", "thumb");
        assertThat(large.variant("960").height()).isEqualTo(480);
        assertThat(decode(large.variant("480").bytes()).getWidth()).isEqualTo(480);
        assertThat(decode(large.variant("thumb").bytes()).getWidth()).isEqualTo(320);

        var small = ImageProcessor.process(FileType.JPEG, SampleFiles.jpeg(200, 100, false), LIMIT);
        assertThat(small.variants()).extracting(ImageProcessor.Variant::name).containsExactly("full", "thumb");
        assertThat(small.variant("thumb").width()).isEqualTo(200);

        var huge = ImageProcessor.process(FileType.JPEG, SampleFiles.jpeg(4000, 3000, false), LIMIT);
        assertThat(huge.width()).isEqualTo(ImageProcessor.FULL_MAX);
    }

    @Test
    void transparency_is_kept_as_png_and_other_images_become_jpeg() throws IOException {
        assertThat(ImageProcessor.process(FileType.PNG, SampleFiles.png(100, 50, true), LIMIT).contentType()).isEqualTo("image/png");
        assertThat(ImageProcessor.process(FileType.PNG, SampleFiles.png(100, 50, false), LIMIT).contentType()).isEqualTo("image/jpeg");
        var gif = ImageProcessor.process(FileType.GIF, SampleFiles.gif(30, 20), LIMIT);
        assertThat(decode(gif.variant("full").bytes()).getWidth()).isEqualTo(30);
    }

    @Test
    void webp_is_decoded_by_the_plugin() throws IOException {
        var webp = ImageProcessor.process(FileType.WEBP, SampleFiles.WEBP, LIMIT);
        assertThat(webp.width()).isEqualTo(1);
        assertThat(decode(webp.variant("full").bytes())).isNotNull();
    }

    @Test
    void a_pixel_bomb_is_refused_from_its_header_before_decoding() {
        byte[] bomb = SampleFiles.pngPixelBomb();
        assertThat(bomb.length).isLessThan(1000);
        assertThatThrownBy(() -> ImageProcessor.process(FileType.PNG, bomb, LIMIT))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).messageKey()).isEqualTo("media.refused.pixels"));
    }

    @Test
    void a_damaged_image_is_refused_in_words() {
        byte[] truncated = java.util.Arrays.copyOf(SampleFiles.png(50, 50, false), 40);
        assertThatThrownBy(() -> ImageProcessor.process(FileType.PNG, truncated, LIMIT))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).messageKey()).isEqualTo("media.refused.unreadable_image"));
    }

    static boolean containsAscii(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** Whether a JPEG has a segment with this marker before its image data. */
    static boolean hasSegment(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 4 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int m = jpeg[i + 1] & 0xFF;
            if (m == marker) {
                return true;
            }
            if (m == 0xDA) {
                return false;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
