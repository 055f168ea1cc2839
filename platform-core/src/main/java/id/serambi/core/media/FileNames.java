package id.serambi.core.media;

import java.text.Normalizer;

/** Makes an uploaded file's name safe to keep and show: no path, no control or markup characters, bounded. */
final class FileNames {
    static final int MAX = 150;

    private FileNames() {
    }

    static String sanitise(String original, String fallbackExtension) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_")
                .replaceAll("\\s+", " ")
                .replaceAll("^[. ]+", "")
                .strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_' || c == '.')) {
            name = "berkas." + fallbackExtension;
        }
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, MAX - extension.length()) + extension;
        }
        return name;
    }
}
