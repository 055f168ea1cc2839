package id.serambi.core.tenant;

import static id.serambi.core.jooq.public_.Tables.CACHE_GENERATION;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.jooq.public_.tables.records.TenantRecord;
import jakarta.inject.Singleton;

/** Tenant rows. Only {@link TenantService} and the access rulebook use it. */
@Singleton
class TenantRepository {
    private final DSLContext db;

    TenantRepository(DSLContext db) {
        this.db = db;
    }

    Tenant insert(String slug, String name, TenantKind kind, String description) {
        TenantRecord row = db.insertInto(TENANT)
                .set(TENANT.SLUG, slug)
                .set(TENANT.NAME, name)
                .set(TENANT.KIND, kind.dbValue())
                .set(TENANT.DESCRIPTION, description)
                .set(TENANT.STATUS, TenantStatus.ACTIVE.dbValue())
                .returning()
                .fetchOne();
        TenantId id = new TenantId(row.getId());
        db.insertInto(CACHE_GENERATION).set(CACHE_GENERATION.SCOPE, id.cacheScope()).execute();
        return toTenant(row);
    }

    /** Moves the tenant to {@code to} if it is still in {@code from}; false when someone changed it meanwhile. */
    boolean changeStatus(TenantId id, TenantStatus from, TenantStatus to) {
        return db.update(TENANT)
                .set(TENANT.STATUS, to.dbValue())
                .set(TENANT.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .where(TENANT.ID.eq(id.value())).and(TENANT.STATUS.eq(from.dbValue()))
                .execute() == 1;
    }

    void setRequireSecondFactor(TenantId id, boolean required) {
        db.update(TENANT).set(TENANT.REQUIRE_SECOND_FACTOR, required)
                .set(TENANT.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .where(TENANT.ID.eq(id.value())).execute();
    }

    boolean slugExists(String slug) {
        return db.fetchExists(TENANT, TENANT.SLUG.eq(slug));
    }

    Optional<Tenant> findBySlug(String slug) {
        return db.selectFrom(TENANT).where(TENANT.SLUG.eq(slug)).fetchOptional().map(TenantRepository::toTenant);
    }

    Optional<Tenant> findById(TenantId id) {
        return db.selectFrom(TENANT).where(TENANT.ID.eq(id.value())).fetchOptional().map(TenantRepository::toTenant);
    }

    List<Tenant> listAll() {
        return db.selectFrom(TENANT).orderBy(TENANT.NAME).fetch(TenantRepository::toTenant);
    }

    static Tenant toTenant(TenantRecord r) {
        return new Tenant(new TenantId(r.getId()), r.getSlug(), r.getName(),
                TenantKind.parse(r.getKind()).orElse(TenantKind.OTHER), r.getDescription(),
                TenantStatus.fromDb(r.getStatus()), r.getQuotaMinPerWeek(), r.getRequireSecondFactor(), r.getCreatedAt());
    }
}
