package id.serambi.portal;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.serambi.core.portal.PortalImage;
import id.serambi.core.portal.PortalTenant;
import id.serambi.core.portal.ReaderPost;


/** Small helpers the reader templates call: month names, file sizes, the post's JSON-LD. */
public final class Reading {
    private Reading() {
    }

    public static String monthName(YearMonth month, Locale locale) {
        String name = month.getMonth().getDisplayName(TextStyle.FULL, locale);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + month.getYear();
    }

    public static String monthPath(YearMonth month) {
        return "/" + month.getYear() + "/" + String.format(Locale.ROOT, "%02d", month.getMonthValue());
    }

    public static String fileSize(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** "PDF" from "application/pdf", for the documents list. */
    public static String fileType(String contentType, String fileName) {
        if (fileName != null && fileName.contains(".")) {
            return fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        }
        return contentType == null ? "" : contentType.substring(contentType.indexOf('/') + 1).toUpperCase(Locale.ROOT);
    }

    /** The featured image's largest width, absolute, for link previews. */
    public static String previewImage(ReaderPost post, SiteLinks links) {
        PortalImage image = post.featured();
        if (image == null || image.widths().isEmpty()) {
            return null;
        }
        List<String> widths = image.widths();
        return links.onPortal(image.url(post.tenantSlug(), widths.get(widths.size() - 1)));
    }

    /**
     * The post as schema.org NewsArticle, serialised so that it can sit inside a script element: "<", ">" and
     * "&" are written as \\u escapes, so no "</script>" in a title can end the element.
     */
    public static String jsonLd(ReaderPost post, PortalTenant tenant, SiteLinks links, String canonical, String zoneIso) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", post.title());
        if (!post.description().isEmpty()) {
            json.put("description", post.description());
        }
        json.put("datePublished", iso(post.shownDate()));
        json.put("dateModified", iso(post.revisedAt() != null ? post.revisedAt() : post.publishedAt()));
        json.put("mainEntityOfPage", canonical);
        json.put("url", canonical);
        String image = previewImage(post, links);
        if (image != null) {
            json.put("image", List.of(image));
        }
        Map<String, Object> agency = new LinkedHashMap<>();
        agency.put("@type", "GovernmentOrganization");
        agency.put("name", tenant.name());
        agency.put("url", links.onSite(""));
        if (tenant.hasLogo()) {
            Map<String, Object> logo = new LinkedHashMap<>();
            logo.put("@type", "ImageObject");
            logo.put("url", links.onPortal("/" + tenant.slug() + "/logo"));
            agency.put("logo", logo);
        }
        json.put("author", agency);
        json.put("publisher", agency);
        if (post.category() != null) {
            json.put("articleSection", post.category().name());
        }
        if (!post.tags().isEmpty()) {
            json.put("keywords", String.join(", ", post.tags()));
        }
        if (post.sourceUrl() != null) {
            json.put("isBasedOn", post.sourceUrl());
        }
        return write(json);
    }

    private static String iso(OffsetDateTime at) {
        return at == null ? null : at.toString();
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                out.append(first ? "" : ",");
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            List<Object> items = new ArrayList<>(list);
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(items.get(i), out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
