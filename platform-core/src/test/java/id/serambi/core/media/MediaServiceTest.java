package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class MediaServiceTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject MediaService media;
    @Inject PortalQueries portal;

    Path mediaDir;
    Tenant dinkes;
    Actor dinkesAdmin;
    Actor dukcapilAdmin;
    Actor staff;
    Actor writer;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            mediaDir = Files.createTempDirectory("serambi-media-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("serambi.media.dir", mediaDir.toString());
        properties.put("serambi.media.max-document-mb", "1");
        return properties;
    }

    @BeforeAll
    void agencies() {
        dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "dukcapil", "Disdukcapil");
        dinkesAdmin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        dukcapilAdmin = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
        Fixtures.platformUser(accounts, "staf-kominfo", Role.PLATFORM_STAFF);
        staff = Fixtures.signIn(accounts, sessions, "staf-kominfo");
        accounts.createMember(Fixtures.SYSTEM, dinkes.id(), new NewAccount("penulis-dinkes", "Penulis", null, Fixtures.PASSWORD),
                Role.WRITER, false);
        writer = Fixtures.signIn(accounts, sessions, "penulis-dinkes");
    }

    @Test
    void an_image_is_stored_only_as_clean_variants_and_its_upload_is_audited() throws IOException {
        MediaItem item = upload(writer, "../../etc/foto<script>.jpg", SampleFiles.jpegWithExifGps(1200, 800), "Petugas memberi vaksin");

        assertThat(item.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(item.fileName()).isEqualTo("foto_script_.jpg");
        // Turned upright (EXIF orientation 6): 800 wide, so no 960 or 1600 variant is made by enlarging.
        assertThat(item.variants()).containsExactly("full", "480", "thumb");
        assertThat(item.width()).isEqualTo(800);
        assertThat(item.height()).isEqualTo(1200);
        assertThat(item.sha256()).hasSize(64);
        try (var files = Files.walk(mediaDir)) {
            List<Path> stored = files.filter(Files::isRegularFile).filter(p -> p.toString().contains(item.id().toString())).toList();
            assertThat(stored).hasSize(3);
            for (Path file : stored) {
                assertThat(ImageProcessorTest.containsAscii(Files.readAllBytes(file), "Exif")).isFalse();
            }
        }
        assertThat(auditCount("media.upload", item.id().toString())).isEqualTo(1);

        MediaFile thumb = media.open(staff, "dinkes", item.id(), "thumb");
        try (InputStream in = thumb.content()) {
            assertThat(ImageProcessorTest.decode(in.readAllBytes()).getWidth()).isEqualTo(320);
        }
        assertThat(thumb.contentDisposition()).isEqualTo("inline");
    }

    @Test
    void a_refused_upload_leaves_no_file_and_no_row_but_an_audit_entry() throws IOException {
        long before = countFiles();
        InvalidInputException e = refusal(dinkesAdmin, "foto.jpg", SampleFiles.jpegWithZipAppended());
        assertThat(e.errors().get(0).messageKey()).isEqualTo("media.refused.polyglot");
        assertThat(countFiles()).isEqualTo(before);
        assertThat(auditCount("media.upload_refused", null)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void each_kind_has_its_own_size_limit() {
        byte[] bigPdf = SampleFiles.concat(SampleFiles.plainPdf(), new byte[1024 * 1024 + 10]);
        InvalidInputException e = refusal(dinkesAdmin, "laporan.pdf", bigPdf);
        assertThat(e.errors().get(0).messageKey()).isEqualTo("media.refused.too_large");
        assertThat(e.errors().get(0).args().get(2)).isEqualTo("1 MB");
        // The same number of bytes is fine as an image (10 MB limit) — were it an image.
        assertThat(upload(dinkesAdmin, "kecil.pdf", SampleFiles.plainPdf(), null).kind()).isEqualTo(MediaKind.DOCUMENT);
    }

    @Test
    void documents_are_served_as_downloads_under_a_clean_name() throws IOException {
        MediaItem doc = upload(dinkesAdmin, "Laporan \"Tahunan\" 2026.pdf", SampleFiles.plainPdf(), null);
        MediaFile file = media.open(dinkesAdmin, "dinkes", doc.id(), MediaService.ORIGINAL);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.contentDisposition()).startsWith("attachment; filename=\"Laporan _Tahunan_ 2026.pdf\"")
                .doesNotContain("\"Tahunan\"");
        try (InputStream in = file.content()) {
            assertThat(in.readAllBytes()).isEqualTo(SampleFiles.plainPdf());
        }
        assertThatThrownBy(() -> media.open(dinkesAdmin, "dinkes", doc.id(), "thumb")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void another_tenant_sees_nothing_and_kominfo_staff_may_look_but_not_upload() {
        MediaItem item = upload(dinkesAdmin, "foto.png", SampleFiles.png(50, 50, false), "Gedung dinas");
        assertThatThrownBy(() -> media.get(dukcapilAdmin, "dinkes", item.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> media.get(dukcapilAdmin, "dukcapil", item.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> media.delete(dukcapilAdmin, "dukcapil", item.id())).isInstanceOf(NotFoundException.class);
        assertThat(media.list(staff, "dinkes", 100)).extracting(MediaItem::id).contains(item.id());
        // Uploading is the agency's own work: a platform role has no upload right there (answered like other tenant writes).
        assertThatThrownBy(() -> upload(staff, "foto.png", SampleFiles.png(10, 10, false), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> media.delete(writer, "dinkes", item.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void alt_text_is_required_before_an_image_may_appear_in_a_published_post() {
        MediaItem bare = upload(writer, "tanpa-alt.jpg", SampleFiles.jpeg(100, 80, false), null);
        MediaItem described = upload(writer, "dengan-alt.jpg", SampleFiles.jpeg(100, 80, false), "Antrean di puskesmas");
        MediaItem pdf = upload(writer, "lampiran.pdf", SampleFiles.plainPdf(), null);
        String body = "<p><img src=\"/dinkes/media/" + bare.id() + "/960\"> <img src=\"/dinkes/media/" + described.id()
                + "/full\"> <a href=\"/dinkes/media/" + pdf.id() + "/original\">unduh</a></p>";
        Set<MediaId> used = MediaService.referencedIn(body);
        assertThat(used).containsExactly(bare.id(), described.id(), pdf.id());

        InvalidInputException e = (InvalidInputException) catchThrowable(() -> media.requireAltTextFor(dinkes.id(), used));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("media");
            assertThat(err.args()).containsExactly("tanpa-alt.jpg");
        });

        media.setAltText(writer, "dinkes", bare.id(), "  Warga   mengantre vaksin ");
        assertThat(media.get(writer, "dinkes", bare.id()).altText()).isEqualTo("Warga mengantre vaksin");
        media.requireAltTextFor(dinkes.id(), used);
        assertThat(auditCount("media.alt_text", bare.id().toString())).isEqualTo(1);
    }

    @Test
    void a_youtube_link_keeps_only_the_video_id() {
        MediaItem video = media.addYouTube(writer, "dinkes", "https://youtu.be/dQw4w9WgXcQ?si=tracking", "Senam sehat", null);
        assertThat(video.kind()).isEqualTo(MediaKind.YOUTUBE);
        assertThat(video.youtubeId()).isEqualTo("dQw4w9WgXcQ");
        assertThat(video.variants()).isEmpty();
        InvalidInputException e = (InvalidInputException) catchThrowable(() ->
                media.addYouTube(writer, "dinkes", "https://evil.example/watch?v=dQw4w9WgXcQ", null, null));
        assertThat(e.errors().get(0).field()).isEqualTo("url");
    }

    @Test
    void deleting_removes_the_files_hides_the_item_from_the_portal_and_is_audited() throws IOException {
        MediaItem item = upload(dinkesAdmin, "hapus.jpg", SampleFiles.jpeg(600, 400, false), "Akan dihapus");
        assertThat(portal.media(dinkes.id(), item.id())).isPresent();
        media.delete(dinkesAdmin, "dinkes", item.id());
        assertThat(portal.media(dinkes.id(), item.id())).isEmpty();
        assertThatThrownBy(() -> media.get(dinkesAdmin, "dinkes", item.id())).isInstanceOf(NotFoundException.class);
        try (var files = Files.walk(mediaDir)) {
            assertThat(files.filter(p -> p.toString().contains(item.id().toString()))).isEmpty();
        }
        assertThat(auditCount("media.delete", item.id().toString())).isEqualTo(1);
    }

    private MediaItem upload(Actor actor, String name, byte[] bytes, String alt) {
        return media.upload(actor, "dinkes", name, new ByteArrayInputStream(bytes), alt);
    }

    private InvalidInputException refusal(Actor actor, String name, byte[] bytes) {
        Throwable thrown = catchThrowable(() -> upload(actor, name, bytes, null));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) thrown;
    }

    private long countFiles() throws IOException {
        try (var files = Files.walk(mediaDir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private int auditCount(String action, String subjectId) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var s = c.prepareStatement("select count(*) from audit_log where action = ? and (?::text is null or subject_id = ?)")) {
            s.setString(1, action);
            s.setString(2, subjectId);
            s.setString(3, subjectId);
            var r = s.executeQuery();
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
