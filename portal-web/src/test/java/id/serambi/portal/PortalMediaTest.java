package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.media.MediaItem;
import id.serambi.core.media.MediaService;
import id.serambi.core.media.SampleFiles;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Readers fetch media files through the portal view: live agencies only, safe headers, long caching. */
@MicronautTest(environments = "portal", transactional = false)
class PortalMediaTest extends DatabaseTest {
    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject MediaService media;
    @Inject PostService posts;

    Actor admin;
    MediaItem photo;
    MediaItem report;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        try {
            properties.put("serambi.media.dir", Files.createTempDirectory("serambi-portal-media").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    @BeforeAll
    void agencyWithMedia() {
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Disdukcapil");
        admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        photo = media.upload(admin, "dinkes", "vaksin.jpg", new ByteArrayInputStream(SampleFiles.jpeg(1200, 900, false)), "Vaksinasi");
        report = media.upload(admin, "dinkes", "Laporan 2026.pdf", new ByteArrayInputStream(SampleFiles.plainPdf()), null);
    }

    @Test
    void an_image_variant_is_served_inline_without_sniffing_and_cached_for_a_year() {
        HttpResponse<byte[]> image = get("/dinkes/media/" + photo.id() + "/960");
        assertThat(image.code()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(image.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(image.header("Content-Disposition")).isEqualTo("inline");
    }

    @Test
    void a_published_post_shows_its_library_image_with_the_alt_text() {
        String src = "/dinkes/media/" + photo.id() + "/960";
        Post draft = posts.createDraft(admin, "dinkes", new PostDraft("Vaksinasi Massal", null,
                "<p>Warga antre.</p><p><img src=\"" + src + "\" alt=\"Vaksinasi\" width=\"960\" height=\"720\""
                        + " onerror=\"alert(1)\"><img src=\"https://contoh.example/iklan.png\" alt=\"iklan\"></p>", null));
        Post live = posts.publish(admin, "dinkes", draft.id());

        String page = new String(get("/dinkes/berita/" + live.slug()).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("<img src=\"" + src + "\" alt=\"Vaksinasi\" width=\"960\" height=\"720\" />")
                .doesNotContain("onerror", "contoh.example");
        assertThat(status(src)).isEqualTo(200);
    }

    @Test
    void a_document_downloads_under_its_clean_name() {
        HttpResponse<byte[]> pdf = get("/dinkes/media/" + report.id() + "/original");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment; filename=\"Laporan 2026.pdf\"");
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).isEqualTo(SampleFiles.plainPdf());
    }

    @Test
    void another_agencys_slug_unknown_variants_and_deleted_items_answer_404() {
        assertThat(status("/dukcapil/media/" + photo.id() + "/full")).isEqualTo(404);
        assertThat(status("/dinkes/media/" + photo.id() + "/original")).isEqualTo(404);
        assertThat(status("/dinkes/media/" + photo.id() + "/..%2F..%2Fetc")).isEqualTo(404);
        assertThat(status("/dinkes/media/bukan-id/full")).isEqualTo(404);
        MediaItem gone = media.upload(admin, "dinkes", "hapus.png", new ByteArrayInputStream(SampleFiles.png(40, 40, false)), "x");
        assertThat(status("/dinkes/media/" + gone.id() + "/full")).isEqualTo(200);
        media.delete(admin, "dinkes", gone.id());
        assertThat(status("/dinkes/media/" + gone.id() + "/full")).isEqualTo(404);
    }

    @Test
    void a_suspended_agencys_files_are_not_served() {
        MediaItem photo2 = media.upload(Fixtures.signIn(accounts, sessions, "admin-dukcapil"), "dukcapil", "ktp.jpg",
                new ByteArrayInputStream(SampleFiles.jpeg(100, 100, false)), "Loket");
        assertThat(status("/dukcapil/media/" + photo2.id() + "/full")).isEqualTo(200);
        tenants.changeStatus(Fixtures.SYSTEM, "dukcapil", "suspended", "Situs disusupi iklan judi");
        assertThat(status("/dukcapil/media/" + photo2.id() + "/full")).isEqualTo(404);
    }

    @Test
    void a_video_answers_byte_ranges_so_players_can_seek() {
        byte[] mp4 = SampleFiles.concat(SampleFiles.mp4(), new byte[1000]);
        MediaItem video = media.upload(admin, "dinkes", "senam.mp4", new ByteArrayInputStream(mp4), null);
        String path = "/dinkes/media/" + video.id() + "/original";

        HttpResponse<byte[]> whole = get(path);
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(whole.body()).isEqualTo(mp4);

        HttpResponse<byte[]> part = http.toBlocking().exchange(HttpRequest.GET(path).header("Range", "bytes=4-11"), byte[].class);
        assertThat(part.code()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 4-11/" + mp4.length);
        assertThat(new String(part.body(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftypisom");

        HttpResponse<byte[]> tail = http.toBlocking().exchange(HttpRequest.GET(path).header("Range", "bytes=-10"), byte[].class);
        assertThat(tail.body()).hasSize(10);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes " + (mp4.length - 10) + "-" + (mp4.length - 1) + "/" + mp4.length);

        try {
            http.toBlocking().exchange(HttpRequest.GET(path).header("Range", "bytes=999999-"), byte[].class);
            org.assertj.core.api.Assertions.fail("a range beyond the end must be refused");
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(416);
        }
    }

    private HttpResponse<byte[]> get(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path), byte[].class);
    }

    private int status(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path), byte[].class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
