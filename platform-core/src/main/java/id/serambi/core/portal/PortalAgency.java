package id.serambi.core.portal;

import java.time.OffsetDateTime;

/** An agency in the district's directory: its profile, when it last published, whether it takes complaints online. */
public record PortalAgency(PortalTenant tenant, OffsetDateTime lastPublishedAt, boolean takesComplaints) {
}
