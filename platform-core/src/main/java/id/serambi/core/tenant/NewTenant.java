package id.serambi.core.tenant;

/** What a platform admin enters to create a tenant; raw form values, validated by {@link TenantService}. */
public record NewTenant(String slug, String name, String kind, String description) {
}
