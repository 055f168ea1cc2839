package id.serambi.db;

/**
 * How the application reaches its database: the console/API role, the least-privileged portal role, and the
 * owner that runs migrations. The portal role may read published content only.
 */
public record DatabaseConnections(String jdbcUrl,
                                  String appUser, String appPassword,
                                  String portalUser, String portalPassword,
                                  String ownerUser, String ownerPassword) {
    @Override
    public String toString() {
        return "DatabaseConnections[" + jdbcUrl + ", app=" + appUser + ", portal=" + portalUser + "]";
    }
}
