package id.serambi.core.post;

import static id.serambi.core.jooq.public_.Tables.CATEGORY;
import static id.serambi.core.jooq.public_.Tables.POST_GALLERY_ITEM;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.media.MediaId;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/** The district's categories and the items of gallery posts. Gallery reads and writes match the tenant. */
@Singleton
class PostExtrasRepository {
    private final DSLContext db;

    PostExtrasRepository(DSLContext db) {
        this.db = db;
    }

    List<Category> categories() {
        return db.selectFrom(CATEGORY).orderBy(CATEGORY.POSITION, CATEGORY.NAME)
                .fetch(r -> new Category(r.getId(), r.getSlug(), r.getName(), r.getPosition()));
    }

    Optional<Category> category(long id) {
        return db.selectFrom(CATEGORY).where(CATEGORY.ID.eq(id))
                .fetchOptional(r -> new Category(r.getId(), r.getSlug(), r.getName(), r.getPosition()));
    }

    List<GalleryItem> gallery(TenantId tenant, PostId post) {
        return db.selectFrom(POST_GALLERY_ITEM)
                .where(POST_GALLERY_ITEM.TENANT_ID.eq(tenant.value())).and(POST_GALLERY_ITEM.POST_ID.eq(post.value()))
                .orderBy(POST_GALLERY_ITEM.POSITION)
                .fetch(r -> new GalleryItem(r.getPosition(), new MediaId(r.getMediaId()), r.getCaption()));
    }

    /** Replaces the gallery with {@code items}, numbered 1, 2, … in the given order. */
    void replaceGallery(TenantId tenant, PostId post, List<GalleryItem> items) {
        db.deleteFrom(POST_GALLERY_ITEM)
                .where(POST_GALLERY_ITEM.TENANT_ID.eq(tenant.value())).and(POST_GALLERY_ITEM.POST_ID.eq(post.value()))
                .execute();
        int position = 1;
        for (GalleryItem item : items) {
            db.insertInto(POST_GALLERY_ITEM)
                    .set(POST_GALLERY_ITEM.TENANT_ID, tenant.value())
                    .set(POST_GALLERY_ITEM.POST_ID, post.value())
                    .set(POST_GALLERY_ITEM.POSITION, position++)
                    .set(POST_GALLERY_ITEM.MEDIA_ID, item.mediaId().value())
                    .set(POST_GALLERY_ITEM.CAPTION, item.caption())
                    .execute();
        }
    }
}
