package id.serambi.core.mail;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;

import java.util.List;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.account.Role;
import id.serambi.core.i18n.Messages;
import id.serambi.core.safety.SecurityIncident;
import id.serambi.core.safety.SecurityIncidentNotifier;
import jakarta.inject.Singleton;

/**
 * The one {@link SecurityIncidentNotifier}: tells Kominfo's platform admins about a content-safety incident (e.g. gambling spam stopped at publication)
 * by mail through the outbox, in the transaction that records the incident, and in the operations log.
 */
@Singleton
class IncidentMail implements SecurityIncidentNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentMail.class);

    private final DSLContext db;
    private final MailService mail;
    private final MailSettings settings;

    IncidentMail(DSLContext db, MailService mail, MailSettings settings) {
        this.db = db;
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public void incidentRecorded(SecurityIncident incident) {
        LOG.warn("security incident {} ({}, {}) in tenant {} post {} by {}", incident.id(), incident.kind(),
                incident.stage(), incident.tenantSlug(), incident.postId(), incident.foundBy());
        String link = settings.consoleBaseUrl() + "/admin/t/" + incident.tenantSlug();
        for (String address : platformAdminAddresses()) {
            mail.enqueue(incident.tenantId(), "security_incident", address, Messages.INDONESIAN, incident.tenantSlug(),
                    incident.kind(), incident.stage(), incident.foundBy(), link);
        }
    }

    private List<String> platformAdminAddresses() {
        return db.selectDistinct(APP_USER.EMAIL).from(APP_USER).join(MEMBERSHIP).on(MEMBERSHIP.USER_ID.eq(APP_USER.ID))
                .where(MEMBERSHIP.ROLE.eq(Role.PLATFORM_ADMIN.dbValue())).and(MEMBERSHIP.TENANT_ID.isNull())
                .and(APP_USER.STATUS.eq("active")).and(APP_USER.EMAIL.isNotNull())
                .orderBy(APP_USER.EMAIL)
                .fetch(APP_USER.EMAIL);
    }
}
