package id.serambi.core.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;

/**
 * Decides what an uploaded file is from its bytes (never from its name or the browser's content type), and
 * refuses what a public government site must not serve: names that lie about the content, SVG and HTML
 * (they run script in a reader's browser), programs, archives, and polyglots — files that are a valid image
 * or PDF and something dangerous at the same time.
 */
final class FileInspector {
    static final String FIELD = "file";
    private static final int HEAD = 8192;
    /** Markup that makes an image (or anything sniffed as HTML) dangerous in a browser. */
    private static final List<String> MARKUP = List.of("<script", "<html", "<svg", "<iframe", "<body", "<?php",
            "<object", "<embed", "javascript:");
    /** PDF names that run code or open other things: scripts, launch actions, embedded files, forms posting out. */
    private static final Set<String> ACTIVE_PDF_NAMES = Set.of("JS", "JavaScript", "Launch", "EmbeddedFile",
            "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData");
    private static final Pattern SVG_TAG = Pattern.compile("<svg[\\s>/]");
    private static final Pattern PDF_NAME = Pattern.compile("/([A-Za-z0-9#]{2,40})");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41",
            "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV", "NDAS", "f4v ", "3gp4", "3gp5", "3gp6");
    /** Inflated PDF streams are scanned up to this much in total, so that a compression bomb costs nothing. */
    private static final long PDF_INFLATE_BUDGET = 64L * 1024 * 1024;

    private FileInspector() {
    }

    /** The type the bytes show, which the name's ending must agree with; the content is checked separately. */
    static FileType identify(String fileName, Path file) throws IOException {
        FileType type = recognise(head(file), file);
        String extension = extensionOf(fileName);
        if (!type.extensions().contains(extension)) {
            throw refused(extension.isEmpty() ? "media.refused.no_extension" : "media.refused.mismatch",
                    label(type), extension);
        }
        return type;
    }

    /** Checks the whole file for what its type must not contain (markup in images, scripts in PDFs, macros). */
    static void checkContent(FileType type, Path file) throws IOException {
        if (type.kind() == MediaKind.IMAGE) {
            checkImageBytes(type, Files.readAllBytes(file));
        } else if (type == FileType.PDF) {
            checkPdf(Files.readAllBytes(file));
        } else if (type == FileType.OLE_OFFICE && containsUtf16(Files.readAllBytes(file), "_VBA_PROJECT")) {
            // Legacy Office files name their macro storage in the compound file's directory (UTF-16LE).
            throw refused("media.refused.macro");
        }
    }

    private static boolean containsUtf16(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static FileType inspect(String fileName, Path file) throws IOException {
        FileType type = identify(fileName, file);
        checkContent(type, file);
        return type;
    }

    /** The type from the first bytes; refuses what is recognised as dangerous or is not recognised at all. */
    static FileType recognise(byte[] head, Path file) throws IOException {
        if (head.length == 0) {
            throw refused("media.refused.empty");
        }
        if (startsWith(head, 'M', 'Z') || startsWith(head, 0x7F, 'E', 'L', 'F') || startsWith(head, '#', '!')
                || startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE) || startsWith(head, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(head, 0xFE, 0xED, 0xFA, 0xCF) || startsWith(head, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(head, 0xCE, 0xFA, 0xED, 0xFE)) {
            throw refused("media.refused.executable");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return FileType.JPEG;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return FileType.PNG;
        }
        if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
            return FileType.GIF;
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && ascii(head, 8, 4).equals("WEBP")) {
            return FileType.WEBP;
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return FileType.PDF;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return FileType.OLE_OFFICE;
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            if (MP4_BRANDS.contains(ascii(head, 8, 4))) {
                return FileType.MP4;
            }
            throw refused("media.refused.video_format");
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return office(file);
        }
        if (startsWith(head, 'R', 'a', 'r', '!') || startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)
                || startsWith(head, 0x1F, 0x8B) || startsWith(head, 'B', 'Z', 'h')
                || startsWith(head, 0xFD, '7', 'z', 'X', 'Z', 0) || (head.length > 262 && ascii(head, 257, 5).equals("ustar"))) {
            throw refused("media.refused.archive");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (text.contains("<svg")) {
            throw refused("media.refused.svg");
        }
        if (text.contains("<!doctype html") || MARKUP.stream().anyMatch(text::contains)) {
            throw refused("media.refused.html");
        }
        throw refused("media.refused.unknown");
    }

    /** OOXML (a zip with [Content_Types].xml) or ODF (a zip whose first entry names its type); any other zip is refused. */
    private static FileType office(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = false;
            boolean word = false;
            boolean excel = false;
            boolean powerPoint = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                powerPoint |= name.startsWith("ppt/");
                String lower = name.toLowerCase(Locale.ROOT);
                // OOXML keeps VBA in vbaProject.bin; OpenDocument keeps Basic and other scripts under Basic/ and Scripts/.
                if (lower.endsWith("vbaproject.bin") || lower.startsWith("basic/") || lower.startsWith("scripts/")) {
                    throw refused("media.refused.macro");
                }
            }
            int families = (word ? 1 : 0) + (excel ? 1 : 0) + (powerPoint ? 1 : 0);
            if (contentTypes && families == 1) {
                return word ? FileType.DOCX : excel ? FileType.XLSX : FileType.PPTX;
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 100) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    Optional<FileType> odf = Arrays.stream(new FileType[]{FileType.ODT, FileType.ODS, FileType.ODP})
                            .filter(t -> t.contentType("").equals(declared)).findFirst();
                    if (odf.isPresent()) {
                        return odf.get();
                    }
                }
            }
        } catch (ZipException broken) {
            throw refused("media.refused.archive");
        }
        throw refused("media.refused.archive");
    }

    /** An image must be only an image: no markup anywhere in it and no zip hidden at its end. */
    static void checkImageBytes(FileType type, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        // Four bytes ("<svg") turn up by chance in compressed pixel data about once in 500 MB; with the
        // character after them required too, a false refusal of a real photo is practically impossible.
        if (MARKUP.stream().filter(m -> !m.equals("<svg")).anyMatch(text::contains) || SVG_TAG.matcher(text).find()) {
            throw refused("media.refused.polyglot", label(type), "HTML/script");
        }
        if (hasZipDirectoryAtEnd(bytes)) {
            throw refused("media.refused.polyglot", label(type), "ZIP");
        }
    }

    // A zip is read from its end: an end-of-central-directory record whose comment length reaches exactly to
    // the end of the file is what an unzip tool would find. A chance match of those 22 bytes is negligible.
    private static boolean hasZipDirectoryAtEnd(byte[] bytes) {
        int earliest = Math.max(0, bytes.length - 22 - 65_535);
        for (int i = bytes.length - 22; i >= earliest; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                int commentLength = (bytes[i + 20] & 0xFF) | (bytes[i + 21] & 0xFF) << 8;
                if (i + 22 + commentLength == bytes.length) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A PDF with scripts, launch actions or embedded files is refused, also when they hide in compressed streams. */
    static void checkPdf(byte[] pdf) {
        activeName(pdf).ifPresent(name -> {
            throw refused("media.refused.pdf_active", "/" + name);
        });
        long budget = PDF_INFLATE_BUDGET;
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int from = 0;
        while (budget > 0) {
            int stream = text.indexOf("stream", from);
            if (stream < 0) {
                break;
            }
            int start = stream + 6;
            if (start < text.length() && text.charAt(start) == '\r') {
                start++;
            }
            if (start < text.length() && text.charAt(start) == '\n') {
                start++;
            }
            int end = text.indexOf("endstream", start);
            if (end < 0) {
                break;
            }
            if (stream == 0 || text.charAt(stream - 1) != 'd') { // "endstream" itself is not a start
                byte[] inflated = inflate(pdf, start, end - start, budget);
                budget -= inflated.length + 1;
                activeName(inflated).ifPresent(name -> {
                    throw refused("media.refused.pdf_active", "/" + name);
                });
            }
            from = end + 9;
        }
    }

    private static Optional<String> activeName(byte[] bytes) {
        Matcher names = PDF_NAME.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        while (names.find()) {
            String name = decodePdfName(names.group(1));
            if (ACTIVE_PDF_NAMES.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    // PDF names may spell letters as #xx (/J#61vaScript is /JavaScript): decode before comparing.
    private static String decodePdfName(String raw) {
        if (raw.indexOf('#') < 0) {
            return raw;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '#' && i + 2 < raw.length()) {
                try {
                    name.append((char) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: keep the '#'
                }
            }
            name.append(c);
        }
        return name.toString();
    }

    private static byte[] inflate(byte[] data, int offset, int length, long budget) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            while (!inflater.finished() && out.size() < budget) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException notDeflate) {
            return new byte[0];
        } finally {
            inflater.end();
        }
    }

    /** The name's ending, lower case, without the dot; "" when it has none. */
    static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    static String label(FileType type) {
        return switch (type) {
            case OLE_OFFICE -> "Office (DOC/XLS/PPT)";
            case MP4 -> "MP4";
            default -> type.name();
        };
    }

    static InvalidInputException refused(String key, Object... args) {
        return new InvalidInputException(FieldError.of(FIELD, key, args));
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, Math.min(length, bytes.length - offset), StandardCharsets.ISO_8859_1);
    }
}
