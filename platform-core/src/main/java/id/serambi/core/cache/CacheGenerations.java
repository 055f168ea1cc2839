package id.serambi.core.cache;

import static id.serambi.core.jooq.public_.Tables.CACHE_GENERATION;

import java.sql.Connection;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import id.serambi.core.tenant.TenantId;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

/**
 * Portal pages are cached under a per-tenant and a global generation number. A change to public content
 * bumps both in the database and sends NOTIFY (delivered at commit), so every portal node drops what it
 * holds for that tenant and for the district pages. This node's own cache hears it at commit, through
 * {@link GenerationsChanged}.
 */
@Singleton
public class CacheGenerations {
    public static final String CHANNEL = "serambi_cache";
    public static final String GLOBAL = "global";

    private final DSLContext db;
    private final TransactionOperations<Connection> tx;
    private final ApplicationEventPublisher<GenerationsChanged> events;

    CacheGenerations(DSLContext db, TransactionOperations<Connection> tx, ApplicationEventPublisher<GenerationsChanged> events) {
        this.db = db;
        this.tx = tx;
        this.events = events;
    }

    /** Marks the tenant's public pages and the district pages as changed. */
    @Transactional
    public void bump(TenantId tenant) {
        List<Generation> bumped = db.update(CACHE_GENERATION)
                .set(CACHE_GENERATION.GENERATION, CACHE_GENERATION.GENERATION.plus(1))
                .set(CACHE_GENERATION.CHANGED_AT, DSL.currentOffsetDateTime())
                .where(CACHE_GENERATION.SCOPE.in(List.of(GLOBAL, tenant.cacheScope())))
                .returning(CACHE_GENERATION.SCOPE, CACHE_GENERATION.GENERATION, CACHE_GENERATION.CHANGED_AT)
                .fetch(r -> new Generation(r.getScope(), r.getGeneration(), r.getChangedAt()));
        db.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(tenant.cacheScope()))).fetch();
        GenerationsChanged changed = new GenerationsChanged(bumped);
        tx.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(changed);
            }
        }), () -> events.publishEvent(changed));
    }
}
