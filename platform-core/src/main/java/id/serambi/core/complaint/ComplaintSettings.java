package id.serambi.core.complaint;

import java.util.List;

/** Whether an agency takes complaints, its categories, time standards and how long closed ones keep names. */
public record ComplaintSettings(boolean enabled, List<String> categories, ComplaintStandards standards, int retentionDays) {
    public static final int DEFAULT_RETENTION_DAYS = 730;
    public static final ComplaintSettings OFF = new ComplaintSettings(false, List.of(), ComplaintStandards.SEED_004,
            DEFAULT_RETENTION_DAYS);

    public ComplaintSettings {
        categories = List.copyOf(categories);
    }
}
