package id.serambi.core.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded image into freshly encoded files: the full picture (at most {@link #FULL_MAX} wide), the
 * widths of {@link #WIDTHS} that are smaller than the picture (never enlarged) for {@code srcset}, and a
 * thumbnail. Only pixels are carried over, so EXIF (camera, GPS position), comments and anything appended to
 * the file are gone. The picture's size is read from its header before any pixel is decoded, so a small file
 * that claims 50 000 × 50 000 pixels is refused instead of filling the memory.
 */
final class ImageProcessor {
    static final int FULL_MAX = 2560;
    static final List<Integer> WIDTHS = List.of(480, 960, 1600);
    static final int THUMB_WIDTH = 320;
    private static final float JPEG_QUALITY = 0.85f;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins(); // the WebP reader (TwelveMonkeys) registers itself through the service loader
    }

    record Variant(String name, int width, int height, byte[] bytes) {
    }

    record Processed(int width, int height, String contentType, List<Variant> variants) {
        Variant variant(String name) {
            return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private ImageProcessor() {
    }

    static Processed process(FileType type, byte[] bytes, long maxPixels) throws IOException {
        BufferedImage decoded = decode(type, bytes, maxPixels);
        BufferedImage upright = applyOrientation(decoded, type == FileType.JPEG ? ExifOrientation.of(bytes) : 1);
        boolean alpha = upright.getColorModel().hasAlpha();
        String contentType = alpha ? "image/png" : "image/jpeg";
        List<Variant> variants = new ArrayList<>();
        int width = Math.min(upright.getWidth(), FULL_MAX);
        BufferedImage full = scale(upright, width, alpha);
        variants.add(encode("full", full, alpha));
        for (int w : WIDTHS) {
            if (w < full.getWidth()) {
                variants.add(encode(String.valueOf(w), scale(full, w, alpha), alpha));
            }
        }
        variants.add(encode("thumb", scale(full, Math.min(THUMB_WIDTH, full.getWidth()), alpha), alpha));
        return new Processed(full.getWidth(), full.getHeight(), contentType, variants);
    }

    private static BufferedImage decode(FileType type, byte[] bytes, long maxPixels) throws IOException {
        String format = switch (type) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
            default -> throw new IllegalArgumentException(type + " is not an image");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw FileInspector.refused("media.refused.unreadable_image");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > maxPixels) {
                throw FileInspector.refused("media.refused.pixels", width, height, maxPixels / 1_000_000);
            }
            return reader.read(0);
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof id.serambi.core.support.InvalidInputException refusal) {
                throw refusal;
            }
            throw FileInspector.refused("media.refused.unreadable_image");
        } finally {
            reader.dispose();
        }
    }

    /** A smaller copy (or a clean copy at the same size), halving step by step so that detail is not lost. */
    static BufferedImage scale(BufferedImage source, int targetWidth, boolean alpha) {
        int targetHeight = Math.max(1, (int) Math.round((double) source.getHeight() * targetWidth / source.getWidth()));
        BufferedImage current = source;
        int width = source.getWidth();
        int height = source.getHeight();
        do {
            width = Math.max(targetWidth, width / 2);
            height = Math.max(targetHeight, height / 2);
            if (width == targetWidth) {
                height = targetHeight;
            }
            BufferedImage next = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (!alpha) {
                    g.setColor(java.awt.Color.WHITE); // transparent GIF/WebP pixels become white, not black
                    g.fillRect(0, 0, width, height);
                }
                g.drawImage(current, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (width != targetWidth || height != targetHeight);
        return current;
    }

    private static Variant encode(String name, BufferedImage image, boolean alpha) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (alpha) {
            ImageIO.write(image, "png", out);
        } else {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        }
        return new Variant(name, image.getWidth(), image.getHeight(), out.toByteArray());
    }

    // Phones store pictures sideways and say so in EXIF; since EXIF is dropped, the turn is applied to the pixels.
    private static BufferedImage applyOrientation(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> t.setTransform(0, -1, -1, 0, h, w);
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}
