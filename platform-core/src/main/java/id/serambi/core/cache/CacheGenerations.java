package id.serambi.core.cache;

import static id.serambi.core.jooq.public_.Tables.CACHE_GENERATION;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Portal pages are cached under a per-tenant and a global generation number. A change to public content
 * bumps both in the database and sends NOTIFY (delivered at commit), so every portal node drops what it
 * holds for that tenant and for the district pages.
 */
@Singleton
public class CacheGenerations {
    public static final String CHANNEL = "serambi_cache";
    public static final String GLOBAL = "global";

    private final DSLContext db;

    CacheGenerations(DSLContext db) {
        this.db = db;
    }

    /** Marks the tenant's public pages and the district pages as changed. */
    @Transactional
    public void bump(TenantId tenant) {
        db.update(CACHE_GENERATION)
                .set(CACHE_GENERATION.GENERATION, CACHE_GENERATION.GENERATION.plus(1))
                .set(CACHE_GENERATION.CHANGED_AT, DSL.currentOffsetDateTime())
                .where(CACHE_GENERATION.SCOPE.in(List.of(GLOBAL, tenant.cacheScope())))
                .execute();
        db.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(tenant.cacheScope()))).fetch();
    }
}
