package id.serambi.core.safety;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Until the mail outbox notifies platform admins, incidents at least reach the operations log. */
@Singleton
@Secondary
class LoggingIncidentNotifier implements SecurityIncidentNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingIncidentNotifier.class);

    @Override
    public void incidentRecorded(SecurityIncident incident) {
        LOG.warn("security incident {} ({}, {}) in tenant {} post {} by {}: {}", incident.id(), incident.kind(),
                incident.stage(), incident.tenantSlug(), incident.postId(), incident.foundBy(), incident.detailJson());
    }
}
