package id.serambi.core.audit;

import static id.serambi.core.jooq.public_.Tables.AUDIT_LOG;

import java.util.Map;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.JSONB;

import id.serambi.core.access.Actor;
import id.serambi.core.tenant.TenantId;
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

    AuditService(DSLContext db) {
        this.db = db;
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

    static String toJson(Map<String, String> detail) {
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
