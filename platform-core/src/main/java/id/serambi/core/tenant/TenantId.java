package id.serambi.core.tenant;

/**
 * The identity of a tenant as services and repositories take it. Obtain one from an authorisation check
 * ({@link id.serambi.core.access.Access}) or from a tenant lookup, never from a raw request parameter, so
 * that every tenant-owned read and write names the tenant it was allowed to touch.
 */
public record TenantId(long value) {
    public TenantId {
        if (value <= 0) {
            throw new IllegalArgumentException("tenant id must be positive");
        }
    }

    /** The cache-generation scope of this tenant's public pages. */
    public String cacheScope() {
        return "tenant:" + value;
    }
}
