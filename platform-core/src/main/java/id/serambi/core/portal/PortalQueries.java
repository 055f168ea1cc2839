package id.serambi.core.portal;

import static id.serambi.core.jooq.portal.Tables.MEDIA;
import static id.serambi.core.jooq.portal.Tables.POST;
import static id.serambi.core.jooq.portal.Tables.TENANT;
import static id.serambi.core.jooq.portal.Tables.TENANT_DOMAIN;
import static id.serambi.core.jooq.portal.Tables.TENANT_LOGO;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;

import id.serambi.core.jooq.portal.tables.records.TenantRecord;
import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaKind;
import id.serambi.core.tenant.TenantId;
import id.serambi.core.tenant.TenantLogo;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * What readers may see, read through the database role of the portal (datasource "portal"), which can only
 * select from the views of schema "portal": published posts of live tenants. A bug here cannot leak a draft.
 */
@Singleton
public class PortalQueries {
    public static final String DATASOURCE = "portal";
    /** Portal states shown on the district home; an agency's own site also keeps posts hidden from the portal. */
    private static final List<String> ON_PORTAL = List.of("visible");
    private static final List<String> ON_AGENCY_SITE = List.of("visible", "pending", "hidden");

    private final DSLContext db;

    PortalQueries(@Named(DATASOURCE) DSLContext db) {
        this.db = db;
    }

    /** The newest posts across all agencies that moderation lets onto the district portal. */
    @ReadOnly(DATASOURCE)
    public List<PortalPost> latestOnPortal(int limit) {
        return db.select(postFields()).from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(POST.PORTAL_STATE.in(ON_PORTAL))
                .orderBy(POST.PUBLISHED_AT.desc(), POST.ID.desc())
                .limit(limit)
                .fetch(PortalQueries::toPost);
    }

    @ReadOnly(DATASOURCE)
    public Optional<PortalTenant> tenantBySlug(String slug) {
        return db.selectFrom(TENANT).where(TENANT.SLUG.eq(slug)).fetchOptional().map(PortalQueries::toTenant);
    }

    @ReadOnly(DATASOURCE)
    public Optional<PortalTenant> tenantByHost(String host) {
        return db.select(TENANT.fields()).from(TENANT).join(TENANT_DOMAIN).on(TENANT_DOMAIN.TENANT_ID.eq(TENANT.ID))
                .where(TENANT_DOMAIN.HOST.eq(host))
                .fetchOptional().map(r -> toTenant(r.into(TENANT)));
    }

    /** The agency's logo, if it has one and its site is readable. */
    @ReadOnly(DATASOURCE)
    public Optional<TenantLogo> logo(String slug) {
        return db.select(TENANT_LOGO.CONTENT_TYPE, TENANT_LOGO.IMAGE).from(TENANT_LOGO)
                .join(TENANT).on(TENANT.ID.eq(TENANT_LOGO.TENANT_ID))
                .where(TENANT.SLUG.eq(slug))
                .fetchOptional(r -> new TenantLogo(r.value1(), r.value2()));
    }

    /** The agency site's newest posts. */
    @ReadOnly(DATASOURCE)
    public List<PortalPost> latestOfTenant(TenantId tenant, int limit) {
        return db.select(postFields()).from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(POST.TENANT_ID.eq(tenant.value()))
                .and(POST.PORTAL_STATE.in(ON_AGENCY_SITE))
                .orderBy(POST.PUBLISHED_AT.desc(), POST.ID.desc())
                .limit(limit)
                .fetch(PortalQueries::toPost);
    }

    /** One post of the agency by its slug. */
    @ReadOnly(DATASOURCE)
    public Optional<PortalPost> post(TenantId tenant, String slug) {
        return db.select(postFields()).from(POST).join(TENANT).on(TENANT.ID.eq(POST.TENANT_ID))
                .where(POST.TENANT_ID.eq(tenant.value()))
                .and(POST.SLUG.eq(slug))
                .and(POST.PORTAL_STATE.in(ON_AGENCY_SITE))
                .fetchOptional(PortalQueries::toPost);
    }

    /** A media item of the agency that readers may fetch; deleted items and those of suspended sites are absent. */
    @ReadOnly(DATASOURCE)
    public Optional<PortalMedia> media(TenantId tenant, MediaId id) {
        return db.selectFrom(MEDIA).where(MEDIA.TENANT_ID.eq(tenant.value())).and(MEDIA.ID.eq(id.value()))
                .fetchOptional(r -> new PortalMedia(new TenantId(r.getTenantId()), new MediaId(r.getId()),
                        MediaKind.parse(r.getKind()).orElseThrow(), r.getContentType(), r.getFileName(),
                        r.getVariants() == null ? List.of() : List.of(r.getVariants()), r.getAltText(), r.getYoutubeId(),
                        r.getWidth(), r.getHeight(), r.getByteSize()));
    }

    private static List<SelectField<?>> postFields() {
        return List.of(POST.ID, TENANT.SLUG, TENANT.NAME, POST.KIND, POST.TITLE, POST.SLUG, POST.SUMMARY,
                POST.BODY_HTML, POST.PUBLISHED_AT, POST.FIRST_PUBLISHED_AT, POST.UPDATED_AT, POST.SEO_DESCRIPTION, POST.REVISED_AT);
    }

    private static PortalPost toPost(Record r) {
        return new PortalPost(r.get(POST.ID), r.get(TENANT.SLUG), r.get(TENANT.NAME), r.get(POST.KIND),
                r.get(POST.TITLE), r.get(POST.SLUG), r.get(POST.SUMMARY), r.get(POST.BODY_HTML),
                r.get(POST.PUBLISHED_AT), r.get(POST.FIRST_PUBLISHED_AT), r.get(POST.UPDATED_AT),
                r.get(POST.SEO_DESCRIPTION), r.get(POST.REVISED_AT));
    }

    static PortalTenant toTenant(TenantRecord r) {
        return new PortalTenant(new TenantId(r.getId()), r.getSlug(), r.getName(), r.getKind(), r.getDescription(),
                r.getStatus(), r.getContactAddress(), r.getContactPhone(), r.getContactEmail(), r.getOfficeHours(),
                Boolean.TRUE.equals(r.getHasLogo()));
    }
}
