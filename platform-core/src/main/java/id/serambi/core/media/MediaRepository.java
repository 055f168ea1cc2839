package id.serambi.core.media;

import static id.serambi.core.jooq.public_.Tables.MEDIA;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.account.UserId;
import id.serambi.core.jooq.public_.tables.records.MediaRecord;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** Media rows. Every method takes the tenant first and matches it; deleted items are invisible here. */
@Singleton
class MediaRepository {
    private final DSLContext db;

    MediaRepository(DSLContext db) {
        this.db = db;
    }

    MediaItem insert(TenantId tenant, MediaId id, MediaKind kind, String contentType, String fileName, long byteSize,
                     String sha256, Integer width, Integer height, List<String> variants, String altText,
                     String youtubeId, UserId createdBy) {
        return toItem(db.insertInto(MEDIA)
                .set(MEDIA.TENANT_ID, tenant.value())
                .set(MEDIA.ID, id.value())
                .set(MEDIA.KIND, kind.dbValue())
                .set(MEDIA.CONTENT_TYPE, contentType)
                .set(MEDIA.FILE_NAME, fileName)
                .set(MEDIA.BYTE_SIZE, byteSize)
                .set(MEDIA.SHA256, sha256)
                .set(MEDIA.WIDTH, width)
                .set(MEDIA.HEIGHT, height)
                .set(MEDIA.VARIANTS, variants.toArray(String[]::new))
                .set(MEDIA.ALT_TEXT, altText)
                .set(MEDIA.YOUTUBE_ID, youtubeId)
                .set(MEDIA.CREATED_BY, createdBy == null ? null : createdBy.value())
                .returning()
                .fetchOne());
    }

    Optional<MediaItem> find(TenantId tenant, MediaId id) {
        return db.selectFrom(MEDIA).where(MEDIA.TENANT_ID.eq(tenant.value())).and(MEDIA.ID.eq(id.value()))
                .and(MEDIA.DELETED_AT.isNull())
                .fetchOptional().map(MediaRepository::toItem);
    }

    List<MediaItem> find(TenantId tenant, Collection<MediaId> ids) {
        return db.selectFrom(MEDIA).where(MEDIA.TENANT_ID.eq(tenant.value()))
                .and(MEDIA.ID.in(ids.stream().map(MediaId::value).toList()))
                .and(MEDIA.DELETED_AT.isNull())
                .fetch(MediaRepository::toItem);
    }

    List<MediaItem> latest(TenantId tenant, int limit) {
        return db.selectFrom(MEDIA).where(MEDIA.TENANT_ID.eq(tenant.value())).and(MEDIA.DELETED_AT.isNull())
                .orderBy(MEDIA.CREATED_AT.desc(), MEDIA.ID).limit(limit)
                .fetch(MediaRepository::toItem);
    }

    Optional<MediaItem> setAltText(TenantId tenant, MediaId id, String altText) {
        return db.update(MEDIA).set(MEDIA.ALT_TEXT, altText)
                .where(MEDIA.TENANT_ID.eq(tenant.value())).and(MEDIA.ID.eq(id.value())).and(MEDIA.DELETED_AT.isNull())
                .returning().fetchOptional().map(MediaRepository::toItem);
    }

    Optional<MediaItem> markDeleted(TenantId tenant, MediaId id, OffsetDateTime at) {
        return db.update(MEDIA).set(MEDIA.DELETED_AT, at)
                .where(MEDIA.TENANT_ID.eq(tenant.value())).and(MEDIA.ID.eq(id.value())).and(MEDIA.DELETED_AT.isNull())
                .returning().fetchOptional().map(MediaRepository::toItem);
    }

    static MediaItem toItem(MediaRecord r) {
        return new MediaItem(new MediaId(r.getId()), new TenantId(r.getTenantId()),
                MediaKind.parse(r.getKind()).orElseThrow(), r.getContentType(), r.getFileName(), r.getByteSize(),
                r.getSha256(), r.getWidth(), r.getHeight(),
                r.getVariants() == null ? List.of() : Arrays.asList(r.getVariants()), r.getAltText(), r.getYoutubeId(),
                r.getCreatedAt());
    }
}
