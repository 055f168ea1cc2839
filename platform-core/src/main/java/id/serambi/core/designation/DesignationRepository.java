package id.serambi.core.designation;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.DESIGNATION;
import static id.serambi.core.jooq.public_.Tables.DESIGNATION_LETTER;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import id.serambi.core.access.Actor;
import id.serambi.core.account.Delivery;
import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

@Singleton
class DesignationRepository {
    private final DSLContext db;

    DesignationRepository(DSLContext db) {
        this.db = db;
    }

    long insert(TenantId tenant, UserId user, Role role, String letterNumber, LocalDate letterDate, String signerName,
                String signerTitle, LocalDate validFrom, LocalDate validUntil, Delivery delivery, Actor actor) {
        return db.insertInto(DESIGNATION)
                .set(DESIGNATION.TENANT_ID, tenant.value())
                .set(DESIGNATION.USER_ID, user.value())
                .set(DESIGNATION.ROLE, role.dbValue())
                .set(DESIGNATION.LETTER_NUMBER, letterNumber)
                .set(DESIGNATION.LETTER_DATE, letterDate)
                .set(DESIGNATION.SIGNER_NAME, signerName)
                .set(DESIGNATION.SIGNER_TITLE, signerTitle)
                .set(DESIGNATION.VALID_FROM, validFrom)
                .set(DESIGNATION.VALID_UNTIL, validUntil)
                .set(DESIGNATION.DELIVERY, delivery.dbValue())
                .set(DESIGNATION.CREATED_BY, actor.userId() == null ? null : actor.userId().value())
                .set(DESIGNATION.CREATED_BY_LABEL, actor.username())
                .returning(DESIGNATION.ID)
                .fetchOne(DESIGNATION.ID);
    }

    void insertLetter(TenantId tenant, long designationId, String fileName, byte[] content) {
        db.insertInto(DESIGNATION_LETTER)
                .set(DESIGNATION_LETTER.DESIGNATION_ID, designationId)
                .set(DESIGNATION_LETTER.TENANT_ID, tenant.value())
                .set(DESIGNATION_LETTER.FILE_NAME, fileName)
                .set(DESIGNATION_LETTER.CONTENT, content)
                .set(DESIGNATION_LETTER.SIZE_BYTES, content.length)
                .set(DESIGNATION_LETTER.SHA256, sha256(content))
                .execute();
    }

    List<Designation> history(TenantId tenant) {
        return select().where(DESIGNATION.TENANT_ID.eq(tenant.value()))
                .orderBy(DESIGNATION.CREATED_AT.desc(), DESIGNATION.ID.desc())
                .fetch(DesignationRepository::toDesignation);
    }

    Optional<Designation> find(TenantId tenant, long id) {
        return select().where(DESIGNATION.TENANT_ID.eq(tenant.value())).and(DESIGNATION.ID.eq(id))
                .fetchOptional(DesignationRepository::toDesignation);
    }

    boolean revoke(TenantId tenant, long id, String reason, Actor actor, OffsetDateTime at) {
        return db.update(DESIGNATION)
                .set(DESIGNATION.STATUS, "revoked")
                .set(DESIGNATION.REVOKED_REASON, reason)
                .set(DESIGNATION.REVOKED_AT, at)
                .set(DESIGNATION.REVOKED_BY, actor.userId() == null ? null : actor.userId().value())
                .where(DESIGNATION.TENANT_ID.eq(tenant.value())).and(DESIGNATION.ID.eq(id))
                .and(DESIGNATION.STATUS.eq("active"))
                .execute() > 0;
    }

    /** Whether the person holds the role in the tenant through another designation still in force. */
    boolean otherActive(TenantId tenant, UserId user, Role role, long exceptId) {
        return db.fetchExists(DESIGNATION, DESIGNATION.TENANT_ID.eq(tenant.value())
                .and(DESIGNATION.USER_ID.eq(user.value())).and(DESIGNATION.ROLE.eq(role.dbValue()))
                .and(DESIGNATION.STATUS.eq("active")).and(DESIGNATION.ID.ne(exceptId)));
    }

    /** Designations still in force whose validity ended before {@code today}, with their tenant. */
    List<Map.Entry<TenantId, Designation>> endedBefore(LocalDate today) {
        return select().where(DESIGNATION.STATUS.eq("active")).and(DESIGNATION.VALID_UNTIL.lt(today))
                .orderBy(DESIGNATION.ID)
                .fetch(r -> Map.entry(new TenantId(r.get(DESIGNATION.TENANT_ID)), toDesignation(r)));
    }

    Optional<Letter> letter(TenantId tenant, long id) {
        return db.select(DESIGNATION_LETTER.FILE_NAME, DESIGNATION_LETTER.CONTENT).from(DESIGNATION_LETTER)
                .where(DESIGNATION_LETTER.TENANT_ID.eq(tenant.value())).and(DESIGNATION_LETTER.DESIGNATION_ID.eq(id))
                .fetchOptional(r -> new Letter(r.value1(), r.value2()));
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return db.select(DESIGNATION.asterisk(), APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL,
                        APP_USER.PASSWORD_HASH.isNotNull().as("activated"),
                        DSL.field(DSL.exists(DSL.selectOne().from(DESIGNATION_LETTER)
                                .where(DESIGNATION_LETTER.DESIGNATION_ID.eq(DESIGNATION.ID)))).as("has_letter"))
                .from(DESIGNATION).join(APP_USER).on(APP_USER.ID.eq(DESIGNATION.USER_ID));
    }

    private static Designation toDesignation(Record r) {
        return new Designation(r.get(DESIGNATION.ID), new UserId(r.get(DESIGNATION.USER_ID)), r.get(APP_USER.USERNAME),
                r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.EMAIL), Role.fromDb(r.get(DESIGNATION.ROLE)),
                r.get(DESIGNATION.LETTER_NUMBER), r.get(DESIGNATION.LETTER_DATE), r.get(DESIGNATION.SIGNER_NAME),
                r.get(DESIGNATION.SIGNER_TITLE), r.get(DESIGNATION.VALID_FROM), r.get(DESIGNATION.VALID_UNTIL),
                r.get(DESIGNATION.DELIVERY), r.get(DESIGNATION.STATUS), r.get(DESIGNATION.REVOKED_REASON),
                r.get(DESIGNATION.REVOKED_AT), r.get(DESIGNATION.CREATED_BY_LABEL), r.get(DESIGNATION.CREATED_AT),
                Boolean.TRUE.equals(r.get("has_letter", Boolean.class)), Boolean.TRUE.equals(r.get("activated", Boolean.class)));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
