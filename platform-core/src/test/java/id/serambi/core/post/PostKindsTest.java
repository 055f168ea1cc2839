package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.media.MediaItem;
import id.serambi.core.media.MediaService;
import id.serambi.core.media.SampleFiles;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowEvents;
import id.serambi.core.workflow.WorkflowSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Pages, PPID documents and galleries; categories, tags and the featured image: what each kind requires, and
 * that a post refers only to media of its own agency's library.
 */
@MicronautTest(transactional = false)
class PostKindsTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject MediaService media;
    @Inject WorkflowSettings settings;
    @Inject WorkflowEvents events;

    Tenant dinkes;
    Actor dinkesAdmin;
    Actor dukcapilAdmin;
    MediaItem photo;
    MediaItem pdf;
    MediaItem theirPhoto;
    MediaItem theirPdf;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            return Map.of("serambi.media.dir", Files.createTempDirectory("serambi-post-kinds").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void twoAgenciesWithALibraryEach() {
        dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Disdukcapil");
        dinkesAdmin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        dukcapilAdmin = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
        photo = upload(dinkesAdmin, "dinkes", "puskesmas.png", SampleFiles.png(64, 48, false), "Gedung puskesmas");
        pdf = upload(dinkesAdmin, "dinkes", "laporan-keuangan-2025.pdf", SampleFiles.plainPdf(), null);
        theirPhoto = upload(dukcapilAdmin, "dukcapil", "ktp.png", SampleFiles.png(64, 48, false), "Perekaman KTP-el");
        theirPdf = upload(dukcapilAdmin, "dukcapil", "renstra.pdf", SampleFiles.plainPdf(), null);
    }

    private MediaItem upload(Actor actor, String slug, String name, byte[] bytes, String alt) {
        return media.upload(actor, slug, name, new ByteArrayInputStream(bytes), alt);
    }

    private static PostDetails page(String menuPosition) {
        return new PostDetails(null, null, null, menuPosition, null, null, null, null);
    }

    private static PostDetails document(String mediaId, String category, String year) {
        return new PostDetails(null, null, null, null, mediaId, category, year, null);
    }

    private static PostDetails gallery(PostDetails.GalleryEntry... entries) {
        return new PostDetails(null, null, null, null, null, null, null, List.of(entries));
    }

    private static PostDetails classified(String categoryId, String tags, String featured) {
        return new PostDetails(categoryId, tags, featured, null, null, null, null, null);
    }

    private Post create(String title, String kind, PostDetails details) {
        return posts.createDraft(dinkesAdmin, "dinkes", new PostDraft(title, null, "<p>Isi.</p>", kind, details));
    }

    private static Consumer<InvalidInputException> refusedOn(String field, String key) {
        return e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::messageKey).contains(
                org.assertj.core.groups.Tuple.tuple(field, key));
    }

    @Test
    void a_profile_page_has_a_place_in_the_menu_or_none() {
        Post visi = create("Visi dan Misi", "page", page("2"));
        Post kontak = create("Kontak", "page", page(""));
        assertThat(visi.kind()).isEqualTo(PostKind.PAGE);
        assertThat(visi.menuPosition()).isEqualTo(2);
        assertThat(kontak.menuPosition()).isNull();

        assertThatThrownBy(() -> create("Struktur Organisasi", "page", page("51")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("menuPosition", "validation.post.menu_position"));
        assertThatThrownBy(() -> create("Profil", "page", page("satu")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("menuPosition", "validation.post.menu_position"));

        Post moved = posts.update(dinkesAdmin, "dinkes", visi.id(), new PostEdit(visi.title(), null, null, "<p>Visi.</p>",
                null, null, null, page("1")));
        assertThat(moved.menuPosition()).isEqualTo(1);
        // An edit that does not send the field keeps it.
        Post kept = posts.update(dinkesAdmin, "dinkes", visi.id(), new PostEdit(visi.title(), null, null, "<p>Visi 2.</p>",
                null, null, null));
        assertThat(kept.menuPosition()).isEqualTo(1);
        // A menu place means nothing for news: ignored, not stored.
        assertThat(create("Berita Biasa", "news", page("3")).menuPosition()).isNull();
    }

    @Test
    void a_ppid_document_needs_its_file_list_and_year() {
        Post laporan = create("Laporan Keuangan 2025", "document", document(pdf.id().toString(), "berkala", "2025"));
        assertThat(laporan.documentMediaId()).isEqualTo(pdf.id());
        assertThat(laporan.documentCategory()).isEqualTo(DocumentCategory.BERKALA);
        assertThat(laporan.documentYear()).isEqualTo(2025);

        assertThatThrownBy(() -> create("Tanpa Berkas", "document", PostDetails.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("documentMediaId", "documentCategory", "documentYear"));
        assertThatThrownBy(() -> create("Kategori Salah", "document", document(pdf.id().toString(), "rahasia", "1900")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    refusedOn("documentCategory", "validation.post.document_category").accept(e);
                    refusedOn("documentYear", "validation.post.document_year").accept(e);
                });
        // An image is not a document file.
        assertThatThrownBy(() -> create("Gambar Bukan Dokumen", "document", document(photo.id().toString(), "setiap_saat", "2024")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("documentMediaId", "validation.post.document_not_found"));
    }

    @Test
    void another_agencys_media_is_refused_exactly_like_media_that_does_not_exist() {
        InvalidInputException theirs = catchInvalid(() -> create("Pinjam Dokumen", "document",
                document(theirPdf.id().toString(), "berkala", "2025")));
        InvalidInputException unknown = catchInvalid(() -> create("Dokumen Hantu", "document",
                document(UUID.randomUUID().toString(), "berkala", "2025")));
        assertThat(theirs.errors()).isEqualTo(unknown.errors());
        refusedOn("documentMediaId", "validation.post.document_not_found").accept(theirs);

        InvalidInputException theirImage = catchInvalid(() -> create("Pinjam Foto", "news",
                classified(null, null, theirPhoto.id().toString())));
        InvalidInputException noImage = catchInvalid(() -> create("Foto Hantu", "news",
                classified(null, null, UUID.randomUUID().toString())));
        assertThat(theirImage.errors()).isEqualTo(noImage.errors());
        refusedOn("featuredMediaId", "validation.post.featured_not_found").accept(theirImage);

        assertThatThrownBy(() -> create("Galeri Pinjaman", "gallery", gallery(
                new PostDetails.GalleryEntry(photo.id().toString(), "Milik sendiri"),
                new PostDetails.GalleryEntry(theirPhoto.id().toString(), "Milik dinas lain"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    refusedOn("gallery", "validation.post.gallery_media_not_found").accept(e);
                    assertThat(e.errors().get(0).args()).containsExactly("2");
                });
    }

    @Test
    void a_deleted_media_item_can_no_longer_be_chosen() {
        MediaItem old = upload(dinkesAdmin, "dinkes", "lama.pdf", SampleFiles.plainPdf(), null);
        media.delete(dinkesAdmin, "dinkes", old.id());
        assertThatThrownBy(() -> create("Dokumen Terhapus", "document", document(old.id().toString(), "setiap_saat", "2024")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("documentMediaId", "validation.post.document_not_found"));
    }

    @Test
    void a_gallery_keeps_its_photos_and_videos_in_order_with_captions_and_goes_live_only_with_items() {
        MediaItem video = upload(dinkesAdmin, "dinkes", "senam.mp4", SampleFiles.mp4(), null);
        MediaItem youtube = media.addYouTube(dinkesAdmin, "dinkes", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "Penyuluhan", "Penyuluhan gizi");
        Post empty = create("Galeri Hari Kesehatan", "gallery", PostDetails.NONE);
        assertThat(posts.gallery(dinkesAdmin, "dinkes", empty.id())).isEmpty();
        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dinkes", empty.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("gallery", "validation.post.gallery_empty"));

        posts.update(dinkesAdmin, "dinkes", empty.id(), new PostEdit(empty.title(), null, null, "<p>Isi.</p>", null, null, null,
                gallery(new PostDetails.GalleryEntry(youtube.id().toString(), "Video penyuluhan"),
                        new PostDetails.GalleryEntry("", "baris kosong dilewati"),
                        new PostDetails.GalleryEntry(photo.id().toString(), "  Gedung baru  "),
                        new PostDetails.GalleryEntry(video.id().toString(), null))));
        assertThat(posts.gallery(dinkesAdmin, "dinkes", empty.id())).containsExactly(
                new GalleryItem(1, youtube.id(), "Video penyuluhan"),
                new GalleryItem(2, photo.id(), "Gedung baru"),
                new GalleryItem(3, video.id(), null));
        assertThat(posts.publish(dinkesAdmin, "dinkes", empty.id()).status()).isEqualTo(PostStatus.PUBLISHED);

        // A PDF is not a gallery item.
        assertThatThrownBy(() -> create("Galeri PDF", "gallery", gallery(new PostDetails.GalleryEntry(pdf.id().toString(), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("gallery", "validation.post.gallery_media_not_found"));
    }

    @Test
    void a_gallery_photo_without_alt_text_blocks_publication() {
        MediaItem bare = upload(dinkesAdmin, "dinkes", "tanpa-alt.png", SampleFiles.png(32, 32, false), null);
        Post post = create("Galeri Posyandu", "gallery", gallery(new PostDetails.GalleryEntry(bare.id().toString(), "Posyandu")));
        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dinkes", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("gallery", "media.alt_text.required_for_publish"));
    }

    @Test
    void category_and_tags_are_cleaned_and_kept_in_revisions_with_the_featured_image() {
        Category kesehatan = posts.categories().stream().filter(c -> c.slug().equals("kesehatan")).findFirst().orElseThrow();
        Post post = create("Imunisasi Campak", "news", classified(String.valueOf(kesehatan.id()),
                " Imunisasi, CAMPAK ,imunisasi,,  Anak   Sekolah ", photo.id().toString()));
        assertThat(post.categoryId()).isEqualTo(kesehatan.id());
        assertThat(post.tags()).containsExactly("imunisasi", "campak", "anak sekolah");
        assertThat(post.featuredMediaId()).isEqualTo(photo.id());

        posts.update(dinkesAdmin, "dinkes", post.id(), new PostEdit(post.title(), null, null, "<p>Isi.</p>", null, null, null,
                classified("", "campak", "")));
        List<PostRevision> revisions = posts.revisions(dinkesAdmin, "dinkes", post.id());
        assertThat(revisions.get(0).content().tags()).containsExactly("campak");
        assertThat(revisions.get(0).content().categoryId()).isNull();
        assertThat(revisions.get(0).content().featuredMediaId()).isNull();
        assertThat(revisions.get(1).content().tags()).containsExactly("imunisasi", "campak", "anak sekolah");
        assertThat(revisions.get(1).content().featuredMediaId()).isEqualTo(photo.id());

        Post restored = posts.restore(dinkesAdmin, "dinkes", post.id(), 1, null);
        assertThat(restored.categoryId()).isEqualTo(kesehatan.id());
        assertThat(restored.featuredMediaId()).isEqualTo(photo.id());

        assertThatThrownBy(() -> create("Kategori Asing", "news", classified("9999", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("categoryId", "validation.post.category_unknown"));
        assertThatThrownBy(() -> create("Terlalu Banyak Tag", "news", classified(null, "a,b,c,d,e,f,g,h,i,j,k", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("tags", "validation.post.tags_too_many"));
        assertThatThrownBy(() -> create("Tag Panjang", "news", classified(null, "x".repeat(41), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("tags", "validation.post.tag_too_long"));
        // Ten distinct tags after removing duplicates are fine.
        assertThat(create("Sepuluh Tag", "news", classified(null, "a,b,c,d,e,f,g,h,i,j,A,b", null)).tags()).hasSize(10);
    }

    @Test
    void a_featured_image_needs_alt_text_before_the_post_goes_live() {
        MediaItem bare = upload(dinkesAdmin, "dinkes", "sampul.png", SampleFiles.png(40, 30, false), null);
        Post post = create("Sampul Tanpa Alt", "news", classified(null, null, bare.id().toString()));
        assertThat(posts.publicationProblems(dinkesAdmin, "dinkes", post.id())).extracting(FieldError::field, FieldError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("featuredMediaId", "media.alt_text.required_for_publish"));
        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dinkes", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("featuredMediaId", "media.alt_text.required_for_publish"));
        assertThat(posts.get(dinkesAdmin, "dinkes", post.id()).status()).isEqualTo(PostStatus.DRAFT);

        media.setAltText(dinkesAdmin, "dinkes", bare.id(), "Sampul laporan");
        assertThat(posts.publicationProblems(dinkesAdmin, "dinkes", post.id())).isEmpty();
        assertThat(posts.publish(dinkesAdmin, "dinkes", post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void editing_an_approved_post_sends_it_back_to_review_and_says_so_in_its_history() {
        Tenant bappeda = Fixtures.tenantWithAdmin(tenants, "bappeda", "Bappeda");
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-bappeda");
        settings.setSteps(admin, "bappeda", "3");
        for (String name : List.of("redaktur-a", "redaktur-b")) {
            accounts.createMember(Fixtures.SYSTEM, bappeda.id(), new NewAccount(name, "Uji " + name, null, Fixtures.PASSWORD),
                    Role.EDITOR, false);
        }
        Actor author = Fixtures.signIn(accounts, sessions, "redaktur-a");
        Actor approver = Fixtures.signIn(accounts, sessions, "redaktur-b");
        Post post = posts.createDraft(author, "bappeda", new PostDraft("Musrenbang 2027", null, "<p>Usulan 120.</p>", null));
        posts.transition(author, "bappeda", post.id(), PostEvent.SUBMIT, null, null);
        posts.transition(approver, "bappeda", post.id(), PostEvent.APPROVE, null, null);

        // Saving without a change leaves the approval standing.
        Post same = posts.update(author, "bappeda", post.id(), new PostEdit(post.title(), null, null, "<p>Usulan 120.</p>",
                null, null, null));
        assertThat(same.status()).isEqualTo(PostStatus.APPROVED);

        Post changed = posts.update(author, "bappeda", post.id(), new PostEdit(post.title(), null, null, "<p>Usulan 150.</p>",
                null, null, null));
        assertThat(changed.status()).isEqualTo(PostStatus.IN_REVIEW);
        var history = events.history(bappeda.id(), post.id());
        assertThat(history).extracting(WorkflowEvents.Entry::event)
                .containsExactly(PostEvent.SUBMIT, PostEvent.APPROVE, PostEvent.APPROVAL_RESET);
        assertThat(history.get(2).actor()).isEqualTo(author.userId());
        assertThat(events.currentApprover(bappeda.id(), post.id())).isEmpty();
        // Not publishable on the old approval; approved again, it is.
        assertThatThrownBy(() -> posts.publish(admin, "bappeda", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, refusedOn("status", "workflow.refused.needs_approval"));
        assertThat(posts.possibleEvents(author, "bappeda", post.id())).doesNotContain(PostEvent.APPROVAL_RESET);
        posts.transition(approver, "bappeda", post.id(), PostEvent.APPROVE, null, null);
        assertThat(posts.publish(admin, "bappeda", post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    private static InvalidInputException catchInvalid(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
