package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import id.serambi.core.post.DocumentCategory;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostKind;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Pages, PPID documents and galleries, categories, tags and featured images through the console's forms and
 * the API; the editor's media picker; a refused "save and publish" that saves its draft once.
 */
@MicronautTest(environments = "admin", transactional = false)
class ContentKindsHttpTest extends AdminHttpTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject MediaService media;
    @Inject JsonMapper json;

    Actor admin;
    MediaItem photo;
    MediaItem bare;
    MediaItem pdf;
    MediaItem theirPdf;
    MediaItem theirPhoto;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        try {
            properties.put("serambi.media.dir", Files.createTempDirectory("serambi-kinds-http").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    @BeforeAll
    void twoAgencies() {
        var dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Disdukcapil");
        // The first admin must replace the initial password first; this one signs in straight away.
        accounts.createMember(Fixtures.SYSTEM, dinkes.id(), new NewAccount("kepala-dinkes", "Kepala Dinkes", null,
                Fixtures.PASSWORD), Role.TENANT_ADMIN, false);
        admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        Actor other = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
        photo = upload(admin, "dinkes", "puskesmas.png", SampleFiles.png(64, 48, false), "Gedung puskesmas");
        bare = upload(admin, "dinkes", "tanpa-alt.png", SampleFiles.png(40, 30, false), null);
        pdf = upload(admin, "dinkes", "dipa-2026.pdf", SampleFiles.plainPdf(), null);
        theirPdf = upload(other, "dukcapil", "renstra.pdf", SampleFiles.plainPdf(), null);
        theirPhoto = upload(other, "dukcapil", "ktp.png", SampleFiles.png(64, 48, false), "Perekaman KTP-el");
    }

    private MediaItem upload(Actor actor, String slug, String name, byte[] bytes, String alt) {
        return media.upload(actor, slug, name, new ByteArrayInputStream(bytes), alt);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<Post> postsTitled(String title) {
        return posts.recent(admin, "dinkes", 500).stream().filter(p -> p.title().equals(title)).toList();
    }

    @Test
    void a_profile_page_and_a_ppid_document_are_written_in_the_console() {
        String session = consoleSignIn("kepala-dinkes");
        String home = send(withSession(session, HttpRequest.GET("/admin/t/dinkes"))).body();
        assertThat(home).contains("value=\"page\"", "value=\"document\"", "value=\"gallery\"", "id=\"document-fields\"",
                "Informasi Serta Merta", "dipa-2026.pdf", "Kesehatan")
                .doesNotContain("renstra.pdf", "ktp.png");

        Reply page = send(withSession(session, form("/admin/t/dinkes/posts", "_csrf=" + csrf(session, "/admin/t/dinkes")
                + "&title=" + enc("Visi dan Misi") + "&kind=page&menuPosition=2&tags=" + enc("Profil, VISI")
                + "&bodyHtml=" + enc("<p>Visi: sehat bersama.</p>") + "&action=draft")));
        assertThat(page.code()).isEqualTo(303);
        Post visi = postsTitled("Visi dan Misi").get(0);
        assertThat(visi.kind()).isEqualTo(PostKind.PAGE);
        assertThat(visi.menuPosition()).isEqualTo(2);
        assertThat(visi.tags()).containsExactly("profil", "visi");

        Reply document = send(withSession(session, form("/admin/t/dinkes/posts", "_csrf=" + csrf(session, "/admin/t/dinkes")
                + "&title=" + enc("DIPA 2026") + "&kind=document&documentMediaId=" + pdf.id() + "&documentCategory=berkala"
                + "&documentYear=2026&bodyHtml=&action=draft")));
        assertThat(document.code()).isEqualTo(303);
        Post dipa = postsTitled("DIPA 2026").get(0);
        assertThat(dipa.documentMediaId()).isEqualTo(pdf.id());
        assertThat(dipa.documentCategory()).isEqualTo(DocumentCategory.BERKALA);

        // The edit form shows the kind's own fields only, filled in.
        String edit = send(withSession(session, HttpRequest.GET("/admin/t/dinkes/berita/" + dipa.id().value() + "/ubah"))).body();
        assertThat(edit).contains("id=\"document-fields\"", "Dokumen PPID").doesNotContain("id=\"gallery-fields\"", "id=\"page-fields\"");
        assertThat(Html.text(edit)).contains("dipa-2026.pdf");
    }

    @Test
    void another_agencys_file_is_refused_in_the_console_like_one_that_does_not_exist() {
        String session = consoleSignIn("kepala-dinkes");
        String before = "&title=" + enc("Renstra Pinjaman") + "&kind=document&documentCategory=berkala&documentYear=2025&bodyHtml=&action=draft";
        Reply theirs = send(withSession(session, form("/admin/t/dinkes/posts", "_csrf=" + csrf(session, "/admin/t/dinkes")
                + "&documentMediaId=" + theirPdf.id() + before)));
        Reply unknown = send(withSession(session, form("/admin/t/dinkes/posts", "_csrf=" + csrf(session, "/admin/t/dinkes")
                + "&documentMediaId=" + UUID.randomUUID() + before)));
        assertThat(theirs.code()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo(400);
        String message = "Berkas dokumen tidak ditemukan di pustaka media situs ini";
        assertThat(Html.text(theirs.body())).contains(message).doesNotContain("renstra.pdf", "Disdukcapil");
        assertThat(Html.text(unknown.body())).contains(message);
        assertThat(postsTitled("Renstra Pinjaman")).isEmpty();
    }

    @Test
    void a_gallery_is_put_together_in_rows_on_the_edit_form() {
        String session = consoleSignIn("kepala-dinkes");
        Reply created = send(withSession(session, form("/admin/t/dinkes/posts", "_csrf=" + csrf(session, "/admin/t/dinkes")
                + "&title=" + enc("Galeri Posyandu") + "&kind=gallery&galleryMedia1=&galleryCaption1=&bodyHtml=&action=draft")));
        assertThat(created.code()).isEqualTo(303);
        Post gallery = postsTitled("Galeri Posyandu").get(0);
        String edit = "/admin/t/dinkes/berita/" + gallery.id().value() + "/ubah";

        Reply saved = send(withSession(session, form(edit, "_csrf=" + csrf(session, edit) + "&title=" + enc("Galeri Posyandu")
                + "&bodyHtml=&galleryMedia1=&galleryCaption1=&galleryMedia2=" + photo.id() + "&galleryCaption2=" + enc("Penimbangan")
                + "&galleryMedia3=" + pdf.id() + "&galleryCaption3=")));
        assertThat(saved.code()).isEqualTo(400);
        assertThat(Html.text(saved.body())).contains("Foto atau video pada baris 2 tidak ditemukan di pustaka media situs ini.");

        saved = send(withSession(session, form(edit, "_csrf=" + csrf(session, edit) + "&title=" + enc("Galeri Posyandu")
                + "&bodyHtml=&galleryMedia1=" + photo.id() + "&galleryCaption1=" + enc("Penimbangan") + "&galleryMedia2=")));
        assertThat(saved.code()).isEqualTo(303);
        assertThat(posts.gallery(admin, "dinkes", gallery.id())).singleElement()
                .satisfies(item -> assertThat(item.caption()).isEqualTo("Penimbangan"));
        assertThat(send(withSession(session, HttpRequest.GET(edit))).body()).contains("value=\"Penimbangan\"", "id=\"galleryMedia4\"");
    }

    @Test
    void a_refused_save_and_publish_keeps_one_draft_and_opens_its_edit_page_with_the_reason() {
        String session = consoleSignIn("kepala-dinkes");
        Reply refused = send(withSession(session, form("/admin/t/dinkes/posts", "_csrf=" + csrf(session, "/admin/t/dinkes")
                + "&title=" + enc("Sampul Tanpa Alt") + "&kind=news&featuredMediaId=" + bare.id()
                + "&bodyHtml=" + enc("<p>Isi berita.</p>") + "&action=publish")));
        assertThat(refused.code()).isEqualTo(303);
        List<Post> drafts = postsTitled("Sampul Tanpa Alt");
        assertThat(drafts).hasSize(1);
        assertThat(refused.header("Location")).isEqualTo("/admin/t/dinkes/berita/" + drafts.get(0).id().value() + "/ubah?terbit=ditolak");

        Reply edit = send(withSession(session, HttpRequest.GET(refused.header("Location"))));
        assertThat(edit.code()).isEqualTo(200);
        assertThat(edit.body()).contains("id=\"publish-refused\"");
        assertThat(Html.text(edit.body())).contains("Draf sudah disimpan, tetapi belum diterbitkan", "tanpa-alt.png");

        // Resubmitting goes to the draft's edit form: still one post.
        String path = "/admin/t/dinkes/berita/" + drafts.get(0).id().value() + "/ubah";
        assertThat(send(withSession(session, form(path, "_csrf=" + csrf(session, path) + "&title=" + enc("Sampul Tanpa Alt")
                + "&featuredMediaId=" + photo.id() + "&bodyHtml=" + enc("<p>Isi berita.</p>")))).code()).isEqualTo(303);
        assertThat(postsTitled("Sampul Tanpa Alt")).hasSize(1);
    }

    @Test
    void the_editor_offers_the_agencys_own_images_to_insert() {
        String session = consoleSignIn("kepala-dinkes");
        String home = send(withSession(session, HttpRequest.GET("/admin/t/dinkes"))).body();
        assertThat(home).contains("id=\"bodyHtml-media-button\"", "id=\"bodyHtml-media-picker\"",
                "data-src=\"/dinkes/media/" + photo.id() + "/full\"", "data-alt=\"Gedung puskesmas\"",
                "src=\"/admin/t/dinkes/media/" + photo.id() + "/thumb\"")
                .doesNotContain(theirPhoto.id().toString(), "data-src=\"/dinkes/media/" + pdf.id())
                .doesNotContainPattern("<script>(?!</script>)");
        assertThat(Html.text(home)).contains("tanpa-alt.png (belum ada teks alternatif)");
        String script = send(HttpRequest.GET("/admin/assets/editor.js")).body();
        assertThat(script).contains("data-media-picker", "Escape");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_api_takes_the_new_fields_and_names_a_wrong_one_in_indonesian() throws IOException {
        String token = apiSignIn("kepala-dinkes");
        Reply categories = send(HttpRequest.GET("/api/v1/tenants/dinkes/categories").bearerAuth(token));
        assertThat(categories.code()).isEqualTo(200);
        assertThat(categories.body()).contains("\"slug\":\"kesehatan\"", "\"name\":\"Kesehatan\"");

        Map<String, Object> document = new HashMap<>(Map.of("title", "Laporan Keuangan", "kind", "document",
                "documentMediaId", pdf.id().toString(), "documentCategory", "rahasia", "documentYear", 2025));
        Reply bad = send(HttpRequest.POST("/api/v1/tenants/dinkes/posts", document).bearerAuth(token));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"documentCategory\"",
                "Pilih Informasi Berkala, Informasi Serta Merta, atau Informasi Setiap Saat.");

        document.put("documentCategory", "serta_merta");
        document.put("documentMediaId", theirPdf.id().toString());
        Reply theirs = send(HttpRequest.POST("/api/v1/tenants/dinkes/posts", document).bearerAuth(token));
        document.put("documentMediaId", UUID.randomUUID().toString());
        Reply unknown = send(HttpRequest.POST("/api/v1/tenants/dinkes/posts", document).bearerAuth(token));
        assertThat(theirs.code()).isEqualTo(400);
        assertThat(theirs.body()).contains("\"field\":\"documentMediaId\"", "Berkas dokumen tidak ditemukan")
                .isEqualTo(unknown.body().replace(unknown.header("X-Request-Id") == null ? "" : unknown.header("X-Request-Id"), ""));

        Map<String, Object> gallery = Map.of("title", "Galeri Imunisasi", "kind", "gallery", "tags", List.of("Imunisasi", " anak "),
                "featuredMediaId", photo.id().toString(),
                "gallery", List.of(Map.of("mediaId", photo.id().toString(), "caption", "Vaksinasi")));
        Reply created = send(HttpRequest.POST("/api/v1/tenants/dinkes/posts", gallery).bearerAuth(token));
        assertThat(created.code()).isEqualTo(201);
        Map<?, ?> view = json.readValue(created.body(), Map.class);
        assertThat(view.get("tags")).isEqualTo(List.of("imunisasi", "anak"));
        assertThat(view.get("featuredMediaId")).isEqualTo(photo.id().toString());
        assertThat((List<?>) view.get("gallery")).hasSize(1);
        long id = ((Number) view.get("id")).longValue();

        Reply foreign = send(HttpRequest.PUT("/api/v1/tenants/dinkes/posts/" + id, Map.of("title", "Galeri Imunisasi",
                "gallery", List.of(Map.of("mediaId", theirPhoto.id().toString())))).bearerAuth(token));
        assertThat(foreign.code()).isEqualTo(400);
        assertThat(foreign.body()).contains("\"field\":\"gallery\"", "baris 1 tidak ditemukan di pustaka media situs ini");

        Reply updated = send(HttpRequest.PUT("/api/v1/tenants/dinkes/posts/" + id, Map.of("title", "Galeri Imunisasi",
                "tags", List.of())).bearerAuth(token));
        assertThat(updated.code()).isEqualTo(200);
        Map<?, ?> after = json.readValue(updated.body(), Map.class);
        // An empty list is left out of the JSON, like every empty field.
        assertThat((List<?>) ((Map<String, Object>) after).getOrDefault("tags", List.of())).isEmpty();
        assertThat(after.get("featuredMediaId")).as("absent keeps").isEqualTo(photo.id().toString());
        assertThat((List<?>) after.get("gallery")).hasSize(1);
    }
}
