package id.serambi.core.portal;

import java.time.OffsetDateTime;

/** An agency in the district's directory: its profile and when it last published. */
public record PortalAgency(PortalTenant tenant, OffsetDateTime lastPublishedAt) {
}
