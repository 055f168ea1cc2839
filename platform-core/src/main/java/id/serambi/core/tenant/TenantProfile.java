package id.serambi.core.tenant;

import java.util.List;

/**
 * What Kominfo's admins edit of a tenant beyond its identity: the contact details and logo readers see, its
 * host names, and the platform's settings for it (quota minimum, portal moderation, whether Kominfo may
 * revise its content).
 */
public record TenantProfile(Tenant tenant, String contactAddress, String contactPhone, String contactEmail,
                            String officeHours, PortalModeration portalModeration, boolean platformMayEdit,
                            List<String> hosts, boolean hasLogo) {
}
