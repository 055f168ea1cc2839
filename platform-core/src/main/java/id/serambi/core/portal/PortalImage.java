package id.serambi.core.portal;

import java.util.List;
import java.util.UUID;

/** An image readers may fetch, with the widths stored for it ('480', '960', '1600') and 'thumb'. */
public record PortalImage(UUID id, List<String> variants, String altText, Integer width, Integer height) {
    /** Widths offered to browsers through srcset, smallest first. */
    public static final List<String> WIDTHS = List.of("480", "960", "1600");

    public PortalImage {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public List<String> widths() {
        return WIDTHS.stream().filter(variants::contains).toList();
    }

    /** A srcset over the stored widths, under {@code /{slug}/media/{id}/}. */
    public String srcset(String tenantSlug) {
        StringBuilder out = new StringBuilder();
        for (String w : widths()) {
            out.append(out.isEmpty() ? "" : ", ").append(url(tenantSlug, w)).append(' ').append(w).append('w');
        }
        return out.toString();
    }

    /** The variant to put in src: the middle width when there is one, else what there is. */
    public String fallbackVariant() {
        List<String> widths = widths();
        if (widths.contains("960")) {
            return "960";
        }
        if (!widths.isEmpty()) {
            return widths.get(widths.size() - 1);
        }
        return variants.contains("full") ? "full" : variants.isEmpty() ? "thumb" : variants.get(0);
    }

    public String url(String tenantSlug, String variant) {
        return "/" + tenantSlug + "/media/" + id + "/" + variant;
    }

    public String alt() {
        return altText == null ? "" : altText;
    }
}
