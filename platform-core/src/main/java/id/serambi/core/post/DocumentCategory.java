package id.serambi.core.post;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three lists of public information a PPID keeps (UU 14/2008 on public information, Perki 1/2021). */
public enum DocumentCategory {
    /** "Informasi Berkala": published regularly. */
    BERKALA,
    /** "Informasi Serta Merta": published at once (threats to life or public order). */
    SERTA_MERTA,
    /** "Informasi Setiap Saat": available at any time. */
    SETIAP_SAAT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Informasi Berkala" and so on, in the core bundle. */
    public String messageKey() {
        return "post.document_category." + dbValue();
    }

    public static Optional<DocumentCategory> parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(c -> c.dbValue().equals(v)).findFirst();
    }
}
