package id.serambi.core.portal;

import static id.serambi.core.jooq.public_.Tables.PORTAL_PIN;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.jooq.portal.Tables;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The district home's headlines (issue 4): Kominfo's admins and staff pin posts of any agency that are on the
 * portal, and unpin them. Each change is audited and drops the cached portal pages.
 */
@Singleton
public class PortalPinService {
    /** How many headlines the home shows; more may be pinned, the first ones by position show. */
    public static final int HEADLINES = 5;

    private final DSLContext db;
    private final Access access;
    private final AuditService audit;
    private final CacheGenerations cache;

    PortalPinService(DSLContext db, Access access, AuditService audit, CacheGenerations cache) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.cache = cache;
    }

    /** A post as the console's headline page lists it. */
    public record PinCandidate(String tenantSlug, String tenantName, long postId, String title, String slug,
                               OffsetDateTime publishedAt, Integer position) {
        public boolean pinned() {
            return position != null;
        }
    }

    /** Pins a post that is on the district portal after the pinned ones; pinning it again changes nothing. */
    @Transactional
    public void pin(Actor actor, String tenantSlug, long postId) {
        access.require(actor, Action.PIN_ON_PORTAL);
        TenantId tenant = onPortal(tenantSlug, postId);
        int next = db.select(DSL.coalesce(DSL.max(PORTAL_PIN.POSITION), 0)).from(PORTAL_PIN).fetchOne().value1() + 1;
        int added = db.insertInto(PORTAL_PIN)
                .set(PORTAL_PIN.TENANT_ID, tenant.value())
                .set(PORTAL_PIN.POST_ID, postId)
                .set(PORTAL_PIN.POSITION, Math.min(next, 1000))
                .set(PORTAL_PIN.PINNED_BY, actor.userId() == null ? null : actor.userId().value())
                .onConflictDoNothing()
                .execute();
        if (added > 0) {
            audit.record(actor, tenant, "portal.pin", "post", Long.toString(postId), Map.of("position", Integer.toString(next)));
            cache.bump(tenant);
        }
    }

    /** Takes a post off the headlines; unpinning one that is not pinned changes nothing. */
    @Transactional
    public void unpin(Actor actor, String tenantSlug, long postId) {
        access.require(actor, Action.PIN_ON_PORTAL);
        Long tenantId = db.select(TENANT.ID).from(TENANT).where(TENANT.SLUG.eq(tenantSlug == null ? "" : tenantSlug))
                .fetchOne(TENANT.ID);
        if (tenantId == null) {
            throw new InvalidInputException(FieldError.of("post", "validation.portal_pin.unknown_post"));
        }
        int removed = db.deleteFrom(PORTAL_PIN).where(PORTAL_PIN.TENANT_ID.eq(tenantId)).and(PORTAL_PIN.POST_ID.eq(postId))
                .execute();
        if (removed > 0) {
            TenantId tenant = new TenantId(tenantId);
            audit.record(actor, tenant, "portal.unpin", "post", Long.toString(postId), Map.of());
            cache.bump(tenant);
        }
    }

    /** The pinned posts still on the portal, in order, then the newest other posts on the portal. */
    @ReadOnly
    public List<PinCandidate> candidates(Actor actor, int latest) {
        access.require(actor, Action.PIN_ON_PORTAL);
        var post = Tables.POST;
        var tenant = Tables.TENANT;
        var pinned = db.select(tenant.SLUG, tenant.NAME, post.ID, post.TITLE, post.SLUG, post.PUBLISHED_AT, PORTAL_PIN.POSITION)
                .from(PORTAL_PIN)
                .join(post).on(post.TENANT_ID.eq(PORTAL_PIN.TENANT_ID)).and(post.ID.eq(PORTAL_PIN.POST_ID))
                .join(tenant).on(tenant.ID.eq(post.TENANT_ID))
                .where(post.PORTAL_STATE.eq("visible"))
                .orderBy(PORTAL_PIN.POSITION, PORTAL_PIN.PINNED_AT.desc())
                .fetch(r -> new PinCandidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
        var others = db.select(tenant.SLUG, tenant.NAME, post.ID, post.TITLE, post.SLUG, post.PUBLISHED_AT)
                .from(post).join(tenant).on(tenant.ID.eq(post.TENANT_ID))
                .where(post.PORTAL_STATE.eq("visible")).and(post.KIND.in("news", "announcement"))
                .andNotExists(DSL.selectOne().from(PORTAL_PIN)
                        .where(PORTAL_PIN.TENANT_ID.eq(post.TENANT_ID)).and(PORTAL_PIN.POST_ID.eq(post.ID)))
                .orderBy(post.PUBLISHED_AT.desc(), post.ID.desc())
                .limit(latest)
                .fetch(r -> new PinCandidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), null));
        return java.util.stream.Stream.concat(pinned.stream(), others.stream()).toList();
    }

    private TenantId onPortal(String tenantSlug, long postId) {
        var post = Tables.POST;
        Long tenantId = db.select(post.TENANT_ID).from(post).join(Tables.TENANT).on(Tables.TENANT.ID.eq(post.TENANT_ID))
                .where(Tables.TENANT.SLUG.eq(tenantSlug == null ? "" : tenantSlug)).and(post.ID.eq(postId))
                .and(post.PORTAL_STATE.eq("visible"))
                .fetchOne(post.TENANT_ID);
        if (tenantId == null) {
            throw new InvalidInputException(FieldError.of("post", "validation.portal_pin.not_on_portal"));
        }
        return new TenantId(tenantId);
    }
}
