package id.serambi.core.safety;

import static id.serambi.core.jooq.public_.Tables.SECURITY_INCIDENT;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import id.serambi.core.access.Actor;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

@Singleton
class SecurityIncidentRepository {
    private final DSLContext db;

    SecurityIncidentRepository(DSLContext db) {
        this.db = db;
    }

    SecurityIncident insert(TenantId tenant, Long postId, String kind, String stage, String detailJson, Actor actor) {
        long id = db.insertInto(SECURITY_INCIDENT)
                .set(SECURITY_INCIDENT.TENANT_ID, tenant.value())
                .set(SECURITY_INCIDENT.POST_ID, postId)
                .set(SECURITY_INCIDENT.KIND, kind)
                .set(SECURITY_INCIDENT.STAGE, stage)
                .set(SECURITY_INCIDENT.DETAIL, JSONB.valueOf(detailJson))
                .set(SECURITY_INCIDENT.FOUND_BY, actor.userId() == null ? null : actor.userId().value())
                .set(SECURITY_INCIDENT.FOUND_BY_LABEL, actor.username())
                .returning(SECURITY_INCIDENT.ID)
                .fetchSingle().getId();
        return list(SECURITY_INCIDENT.ID.eq(id), 1).get(0);
    }

    List<SecurityIncident> list(Condition where, int limit) {
        return db.select(SECURITY_INCIDENT.ID, SECURITY_INCIDENT.TENANT_ID, TENANT.SLUG, SECURITY_INCIDENT.POST_ID,
                        SECURITY_INCIDENT.KIND, SECURITY_INCIDENT.STAGE, SECURITY_INCIDENT.DETAIL,
                        SECURITY_INCIDENT.FOUND_AT, SECURITY_INCIDENT.FOUND_BY_LABEL)
                .from(SECURITY_INCIDENT).join(TENANT).on(TENANT.ID.eq(SECURITY_INCIDENT.TENANT_ID))
                .where(where)
                .orderBy(SECURITY_INCIDENT.ID.desc())
                .limit(limit)
                .fetch(r -> new SecurityIncident(r.value1(), new TenantId(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7().data(), r.value8(), r.value9()));
    }
}
