package id.serambi.core.audit;

import static id.serambi.core.jooq.public_.Tables.AUDIT_LOG;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The audit trail: who did what, when, from where. Written in the same transaction as the change it
 * describes, so a change without its entry (or the reverse) cannot happen. The table is append-only in the
 * database itself.
 */
@Singleton
public class AuditService {
    private final DSLContext db;
    private final Access access;
    private final ZoneId zone;

    AuditService(DSLContext db, Access access, ZoneId zone) {
        this.db = db;
        this.access = access;
        this.zone = zone;
    }

    /**
     * Records one action. {@code tenant} may be null for platform-wide acts; {@code detail} holds short
     * facts (never passwords, tokens or a complainant's personal data).
     */
    @Transactional
    public void record(Actor actor, TenantId tenant, String action, String subjectType, String subjectId,
                       Map<String, String> detail) {
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR_USER_ID, actor.userId() == null ? null : actor.userId().value())
                .set(AUDIT_LOG.ACTOR_LABEL, actor.username())
                .set(AUDIT_LOG.TENANT_ID, tenant == null ? null : tenant.value())
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT_TYPE, subjectType)
                .set(AUDIT_LOG.SUBJECT_ID, subjectId)
                .set(AUDIT_LOG.DETAIL, JSONB.valueOf(toJson(detail)))
                .set(AUDIT_LOG.CLIENT_IP, actor.clientIp())
                .set(AUDIT_LOG.USER_AGENT, truncate(actor.userAgent(), 500))
                .execute();
    }

    /**
     * The trail, newest first, {@code limit} entries from {@code offset}. Kominfo's admins see every tenant
     * (or one, with the filter); an agency admin sees only their own tenant, whatever the filter asks.
     */
    @ReadOnly
    public List<AuditEntry> search(Actor actor, AuditFilter filter, int offset, int limit) {
        Condition where = DSL.trueCondition();
        if (actor.hasPlatformRole(Action.VIEW_AUDIT.platformRoles())) {
            if (filter.tenantSlug() != null) {
                where = where.and(TENANT.SLUG.eq(filter.tenantSlug()));
            }
        } else {
            TenantId tenant = access.requireInTenant(actor, Action.VIEW_AUDIT, filter.tenantSlug());
            where = where.and(AUDIT_LOG.TENANT_ID.eq(tenant.value()));
        }
        if (filter.actor() != null) {
            where = where.and(AUDIT_LOG.ACTOR_LABEL.eq(filter.actor()));
        }
        if (filter.action() != null) {
            where = where.and(AUDIT_LOG.ACTION.startsWith(filter.action()));
        }
        if (filter.from() != null) {
            where = where.and(AUDIT_LOG.OCCURRED_AT.ge(filter.from().atStartOfDay(zone).toOffsetDateTime()));
        }
        if (filter.to() != null) {
            where = where.and(AUDIT_LOG.OCCURRED_AT.lt(filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        return db.select(AUDIT_LOG.ID, AUDIT_LOG.OCCURRED_AT, AUDIT_LOG.ACTOR_LABEL, TENANT.SLUG, AUDIT_LOG.ACTION,
                        AUDIT_LOG.SUBJECT_TYPE, AUDIT_LOG.SUBJECT_ID, AUDIT_LOG.DETAIL, AUDIT_LOG.CLIENT_IP)
                .from(AUDIT_LOG).leftJoin(TENANT).on(TENANT.ID.eq(AUDIT_LOG.TENANT_ID))
                .where(where)
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(limit).offset(offset)
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8() == null ? "" : r.value8().data(), r.value9()));
    }

    /**
     * Records a refusal (a wrong code, a denied attempt) in a transaction of its own, so that the exception
     * which tells the user "no" does not also erase the record of the attempt.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void recordRefusal(Actor actor, TenantId tenant, String action, String subjectType, String subjectId,
                              Map<String, String> detail) {
        record(actor, tenant, action, subjectType, subjectId, detail);
    }

    /** The JSON object the trail stores for {@code detail}; also used for security-incident details. */
    public static String toJson(Map<String, String> detail) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(detail).forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            appendString(json, key);
            json.append(':');
            if (value == null) {
                json.append("null");
            } else {
                appendString(json, value);
            }
        });
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String s) {
        json.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
