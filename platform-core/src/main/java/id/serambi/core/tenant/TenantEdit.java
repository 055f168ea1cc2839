package id.serambi.core.tenant;

/**
 * The editable settings of a tenant as a platform admin submits them: raw values, validated by
 * {@link TenantProvisioningService#edit}. Every field is the new value (blank clears an optional one).
 */
public record TenantEdit(String name, String kind, String description, String contactAddress, String contactPhone,
                         String contactEmail, String officeHours, String quotaMinPerWeek, String portalModeration,
                         boolean platformMayEdit) {

    /** The current settings as an edit, for forms and for API requests that leave fields out. */
    public static TenantEdit of(TenantProfile p) {
        return new TenantEdit(p.tenant().name(), p.tenant().kind().dbValue(), p.tenant().description(),
                p.contactAddress(), p.contactPhone(), p.contactEmail(), p.officeHours(),
                String.valueOf(p.tenant().quotaMinPerWeek()), p.portalModeration().dbValue(), p.platformMayEdit());
    }
}
