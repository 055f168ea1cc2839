package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.media.MediaItem;
import id.serambi.core.media.MediaService;
import id.serambi.core.media.SampleFiles;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Images in a post body: only the agency's own library items, and only with alt text, go live. */
@MicronautTest(transactional = false)
class PostImagesTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject MediaService media;

    Actor dinkesAdmin;
    Actor dukcapilAdmin;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            return Map.of("serambi.media.dir", Files.createTempDirectory("serambi-post-images").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void twoAgencies() {
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Disdukcapil");
        dinkesAdmin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        dukcapilAdmin = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
    }

    @Test
    void an_image_without_alt_text_blocks_publication_until_it_has_one() {
        MediaItem photo = upload(dinkesAdmin, "dinkes", "posyandu.png", null);
        Post draft = posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Posyandu Balita", null,
                "<p>Kegiatan</p><p><img src=\"/dinkes/media/" + photo.id() + "/full\"></p>", null));

        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dinkes", draft.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).field()).isEqualTo("bodyHtml");
                    assertThat(e.errors().get(0).messageKey()).isEqualTo("media.alt_text.required_for_publish");
                    assertThat(e.errors().get(0).args()).containsExactly("posyandu.png");
                });
        assertThat(posts.get(dinkesAdmin, "dinkes", draft.id()).status()).isEqualTo(PostStatus.DRAFT);

        media.setAltText(dinkesAdmin, "dinkes", photo.id(), "Kader menimbang balita di posyandu");
        assertThat(posts.publish(dinkesAdmin, "dinkes", draft.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void a_live_edit_that_adds_an_image_without_alt_text_is_refused() {
        Post live = posts.publish(dinkesAdmin, "dinkes", posts.createDraft(dinkesAdmin, "dinkes",
                new PostDraft("Jadwal Imunisasi", null, "<p>Jadwal</p>", null)).id());
        MediaItem photo = upload(dinkesAdmin, "dinkes", "jadwal.png", null);
        String body = "<p>Jadwal</p><img src=\"/media/" + photo.id() + "/full\" srcset=\"/media/" + photo.id() + "/thumb 320w\">";

        assertThatThrownBy(() -> posts.update(dinkesAdmin, "dinkes", live.id(),
                new PostEdit(live.title(), live.slug(), null, body, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("media.alt_text.required_for_publish"));
        assertThat(posts.get(dinkesAdmin, "dinkes", live.id()).bodyHtml()).doesNotContain("<img");
    }

    @Test
    void another_agencys_image_is_refused_as_not_in_the_library() {
        MediaItem theirs = upload(dukcapilAdmin, "dukcapil", "ktp-el.png", "Warga merekam KTP-el");
        Post draft = posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Pinjam Gambar", null,
                "<p><img src=\"/dukcapil/media/" + theirs.id() + "/full\" alt=\"KTP-el\"></p>", null));

        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dinkes", draft.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("bodyHtml");
                    assertThat(e.errors().get(0).messageKey()).isEqualTo("validation.post.image_not_in_library");
                    assertThat(e.errors().get(0).args()).containsExactly(theirs.id().toString());
                });
        assertThat(posts.get(dinkesAdmin, "dinkes", draft.id()).status()).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void an_image_of_the_library_with_alt_text_publishes_and_stays_in_the_body() {
        MediaItem photo = upload(dinkesAdmin, "dinkes", "gedung.png", "Gedung Dinas Kesehatan");
        Post draft = posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Gedung Baru", null,
                "<p><img src=\"/dinkes/media/" + photo.id() + "/full\" alt=\"Gedung Dinas Kesehatan\"></p>", null));
        Post published = posts.publish(dinkesAdmin, "dinkes", draft.id());
        assertThat(published.bodyHtml()).contains("<img src=\"/dinkes/media/" + photo.id() + "/full\" alt=\"Gedung Dinas Kesehatan\"");
    }

    private MediaItem upload(Actor actor, String slug, String name, String alt) {
        return media.upload(actor, slug, name, new ByteArrayInputStream(SampleFiles.png(64, 48, false)), alt);
    }
}
