package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.media.SampleFiles;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Uploading through the console's form and the API, the refusals as people see them, and serving the files. */
@MicronautTest(environments = "admin", transactional = false)
class MediaHttpTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject JsonMapper json;

    String session;
    String token;
    String otherToken;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        try {
            properties.put("serambi.media.dir", Files.createTempDirectory("serambi-media-http").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Small limits, so that "too large" is tested with small files: our own per-kind limit (1 MB for
        // documents) answers 400 naming the limit; above the server's request limit (2 MB) the answer is 413.
        properties.put("serambi.media.max-document-mb", "1");
        properties.put("micronaut.server.max-request-size", "2MB");
        properties.put("micronaut.server.multipart.max-file-size", "2MB");
        return properties;
    }

    @BeforeAll
    void agencyTeams() {
        Tenant dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Tenant dukcapil = Fixtures.tenantWithAdmin(tenants, "dukcapil", "Disdukcapil");
        accounts.createMember(Fixtures.SYSTEM, dinkes.id(), new NewAccount("editor-dinkes", "Editor Dinkes", null, Fixtures.PASSWORD),
                Role.EDITOR, false);
        accounts.createMember(Fixtures.SYSTEM, dukcapil.id(), new NewAccount("editor-dukcapil", "Editor Dukcapil", null, Fixtures.PASSWORD),
                Role.EDITOR, false);
        Reply login = send(form("/admin/login", "username=editor-dinkes&password=" + Fixtures.PASSWORD));
        assertThat(login.code()).isEqualTo(303);
        session = login.sessionCookie().map(Cookie::getValue).orElseThrow();
        token = apiToken("editor-dinkes");
        otherToken = apiToken("editor-dukcapil");
    }

    @Test
    void the_console_uploads_an_image_shows_its_thumbnail_and_serves_it_without_sniffing() {
        Reply page = send(withSession(HttpRequest.GET("/admin/t/dinkes/media")));
        assertThat(page.code()).isEqualTo(200);
        assertThat(Html.text(page.body())).contains("Pustaka media", "Unggah berkas", "gambar 10 MB, dokumen 1 MB");

        Reply uploaded = send(withSession(multipart("/admin/t/dinkes/media/unggah", MultipartBody.builder()
                .addPart("_csrf", Html.csrfToken(page.body()))
                .addPart("file", "posyandu.jpg", MediaType.IMAGE_JPEG_TYPE, SampleFiles.jpegWithExifGps(1000, 700))
                .addPart("altText", "Kader posyandu menimbang balita").build())));
        assertThat(uploaded.code()).isEqualTo(303);
        assertThat(uploaded.header("Location")).startsWith("/admin/t/dinkes/media?uploaded=");

        String grid = send(withSession(HttpRequest.GET(uploaded.header("Location")))).body();
        assertThat(Html.text(grid)).contains("Berkas telah diunggah.", "posyandu.jpg");
        Matcher thumb = Pattern.compile("src=\"(/admin/t/dinkes/media/[0-9a-f-]{36}/thumb)\" alt=\"Kader posyandu menimbang balita\"").matcher(grid);
        assertThat(thumb.find()).isTrue();

        HttpResponse<byte[]> image = bytes(withSession(HttpRequest.GET(thumb.group(1))));
        assertThat(image.code()).isEqualTo(200);
        assertThat(image.getContentType()).hasValue(MediaType.IMAGE_JPEG_TYPE);
        assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(new String(image.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void the_console_edits_alt_text_and_deletes_with_audit() {
        Reply created = send(bearer(multipart("/api/v1/tenants/dinkes/media", MultipartBody.builder()
                .addPart("file", "baliho.gif", MediaType.IMAGE_GIF_TYPE, SampleFiles.gif(300, 200)).build())));
        String id = (String) read(created).get("id");
        String page = send(withSession(HttpRequest.GET("/admin/t/dinkes/media"))).body();
        assertThat(page).contains("id=\"media-" + id + "\"");
        assertThat(Html.text(page)).contains("Belum ada teks alternatif.");
        String csrf = Html.csrfToken(page);

        Reply described = send(withSession(form("/admin/t/dinkes/media/" + id + "/alt",
                "_csrf=" + csrf + "&altText=Baliho+jadwal+imunisasi")));
        assertThat(described.code()).isEqualTo(303);
        assertThat(read(send(bearer(HttpRequest.GET("/api/v1/tenants/dinkes/media/" + id)))))
                .containsEntry("altText", "Baliho jadwal imunisasi");

        Reply tooLong = send(withSession(form("/admin/t/dinkes/media/" + id + "/alt", "_csrf=" + csrf + "&altText=" + "a".repeat(301))));
        assertThat(tooLong.code()).isEqualTo(400);
        assertThat(Html.text(tooLong.body())).contains("Terlalu panjang: paling banyak 300 karakter.");

        Reply deleted = send(withSession(form("/admin/t/dinkes/media/" + id + "/hapus", "_csrf=" + csrf)));
        assertThat(deleted.code()).isEqualTo(303);
        assertThat(Html.text(send(withSession(HttpRequest.GET(deleted.header("Location")))).body())).contains("Berkas telah dihapus.")
                .doesNotContain("baliho.gif");
        assertThat(send(withSession(HttpRequest.GET("/admin/t/dinkes/media/" + id + "/thumb"))).code()).isEqualTo(404);
    }

    @Test
    void the_console_explains_a_refusal_in_indonesian_on_the_form() {
        String csrf = Html.csrfToken(send(withSession(HttpRequest.GET("/admin/t/dinkes/media"))).body());
        Reply svg = send(withSession(multipart("/admin/t/dinkes/media/unggah", MultipartBody.builder()
                .addPart("_csrf", csrf)
                .addPart("file", "logo.png", MediaType.IMAGE_PNG_TYPE, SampleFiles.svg()).build())));
        assertThat(svg.code()).isEqualTo(400);
        assertThat(Html.text(svg.body())).contains("Gambar SVG tidak diterima karena dapat memuat skrip.");

        Reply noToken = send(withSession(multipart("/admin/t/dinkes/media/unggah", MultipartBody.builder()
                .addPart("file", "foto.png", MediaType.IMAGE_PNG_TYPE, SampleFiles.png(20, 20, false)).build())));
        assertThat(noToken.code()).isEqualTo(403);
    }

    @Test
    void the_api_uploads_describes_serves_and_deletes_a_document() throws IOException {
        Reply created = send(bearer(multipart("/api/v1/tenants/dinkes/media", MultipartBody.builder()
                .addPart("file", "Laporan Kinerja 2026.pdf", MediaType.APPLICATION_PDF_TYPE, SampleFiles.plainPdf()).build())));
        assertThat(created.code()).isEqualTo(201);
        Map<String, Object> item = read(created);
        assertThat(item).containsEntry("kind", "document").containsEntry("contentType", "application/pdf")
                .containsEntry("fileName", "Laporan Kinerja 2026.pdf").containsEntry("altTextMissing", false);
        String id = (String) item.get("id");

        HttpResponse<byte[]> file = bytes(withSession(HttpRequest.GET("/admin/t/dinkes/media/" + id + "/original")));
        assertThat(file.header("Content-Disposition")).startsWith("attachment; filename=\"Laporan Kinerja 2026.pdf\"");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.body()).isEqualTo(SampleFiles.plainPdf());

        assertThat(send(bearer(HttpRequest.GET("/api/v1/tenants/dukcapil/media/" + id)).bearerAuth(otherToken)).code()).isEqualTo(404);
        assertThat(send(HttpRequest.GET("/api/v1/tenants/dinkes/media/" + id).bearerAuth(otherToken)).code()).isEqualTo(404);

        Reply deleted = send(bearer(HttpRequest.DELETE("/api/v1/tenants/dinkes/media/" + id)));
        assertThat(deleted.code()).isEqualTo(204);
        assertThat(send(bearer(HttpRequest.GET("/api/v1/tenants/dinkes/media/" + id))).code()).isEqualTo(404);
    }

    @Test
    void the_api_sets_alt_text_and_accepts_youtube_links() {
        Reply image = send(bearer(multipart("/api/v1/tenants/dinkes/media", MultipartBody.builder()
                .addPart("file", "gedung.png", MediaType.IMAGE_PNG_TYPE, SampleFiles.png(600, 300, true)).build())));
        assertThat(image.code()).isEqualTo(201);
        Map<String, Object> item = read(image);
        assertThat(item).containsEntry("contentType", "image/png").containsEntry("altTextMissing", true);
        Reply described = send(bearer(HttpRequest.PUT("/api/v1/tenants/dinkes/media/" + item.get("id") + "/alt-text",
                Map.of("altText", "Gedung Dinas Kesehatan tampak depan"))));
        assertThat(read(described)).containsEntry("altTextMissing", false);

        Reply video = send(bearer(HttpRequest.POST("/api/v1/tenants/dinkes/media/youtube",
                Map.of("url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x", "title", "Senam sehat"))));
        assertThat(read(video)).containsEntry("kind", "youtube").containsEntry("youtubeId", "dQw4w9WgXcQ");
        Reply bad = send(bearer(HttpRequest.POST("/api/v1/tenants/dinkes/media/youtube", Map.of("url", "https://contoh.invalid/v"))));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"url\"", "Tautan YouTube tidak valid.");
    }

    @Test
    void the_api_refuses_crafted_files_with_problem_json_naming_the_reason() {
        Map<String, byte[]> crafted = new java.util.LinkedHashMap<>();
        crafted.put("setup.exe", SampleFiles.windowsExe());
        crafted.put("foto.jpg", SampleFiles.jpegWithZipAppended());
        crafted.put("surat.pdf", SampleFiles.pdfWithOpenActionJavaScript());
        crafted.put("halaman.html", SampleFiles.html());
        crafted.put("bom.png", SampleFiles.pngPixelBomb());
        Map<String, String> expected = Map.of("setup.exe", "Program atau skrip", "foto.jpg", "Berkas ditolak demi keamanan",
                "surat.pdf", "PDF ini memuat skrip", "halaman.html", "HTML", "bom.png", "50.000 × 50.000 piksel");
        crafted.forEach((name, bytes) -> {
            Reply refused = send(bearer(multipart("/api/v1/tenants/dinkes/media", MultipartBody.builder()
                    .addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build())));
            assertThat(refused.code()).as(name).isEqualTo(400);
            assertThat(refused.contentType()).as(name).hasValue("application/problem+json");
            assertThat(refused.body()).as(name).contains("\"field\":\"file\"", expected.get(name));
        });
    }

    @Test
    void too_large_is_a_clear_answer_below_and_above_the_servers_limit() {
        byte[] pdf15 = SampleFiles.concat(SampleFiles.plainPdf(), new byte[1_500_000]);
        Reply overKindLimit = send(bearer(multipart("/api/v1/tenants/dinkes/media", MultipartBody.builder()
                .addPart("file", "besar.pdf", MediaType.APPLICATION_PDF_TYPE, pdf15).build())));
        assertThat(overKindLimit.code()).isEqualTo(400);
        assertThat(overKindLimit.body()).contains("Berkas terlalu besar", "Batas untuk dokumen adalah 1 MB");

        byte[] pdf3 = SampleFiles.concat(SampleFiles.plainPdf(), new byte[3_000_000]);
        Reply overServerLimit = send(bearer(multipart("/api/v1/tenants/dinkes/media", MultipartBody.builder()
                .addPart("file", "sangat-besar.pdf", MediaType.APPLICATION_PDF_TYPE, pdf3).build())));
        assertThat(overServerLimit.code()).isEqualTo(413);
        assertThat(overServerLimit.body()).contains("Unggahan terlalu besar");
    }

    private String apiToken(String username) {
        Reply response = send(HttpRequest.POST("/api/v1/sessions", Map.of("username", username, "password", Fixtures.PASSWORD)));
        assertThat(response.code()).as("sign-in of " + username).isEqualTo(201);
        return (String) read(response).get("token");
    }

    private <T> MutableHttpRequest<T> withSession(MutableHttpRequest<T> request) {
        return request.cookie(Cookie.of("serambi_session", session));
    }

    private <T> MutableHttpRequest<T> bearer(MutableHttpRequest<T> request) {
        return request.getHeaders().contains("Authorization") ? request : request.bearerAuth(token);
    }

    private static MutableHttpRequest<MultipartBody> multipart(String path, MultipartBody body) {
        return HttpRequest.POST(path, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private HttpResponse<byte[]> bytes(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError("HTTP " + e.getStatus() + " for " + request.getPath(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Reply response) {
        try {
            return json.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
