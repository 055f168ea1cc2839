package id.serambi.core.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.media.MediaItem;
import id.serambi.core.media.MediaService;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDetails;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.post.PostStatus;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantId;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

@MicronautTest(transactional = false)
class ContentSafetyServiceTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject ContentSafetyService safety;
    @Inject MediaService media;
    @Inject TestAttachments attachments;
    @Inject RecordingNotifier notifier;

    Tenant dinkes;
    Actor admin;
    Actor editor;

    /** Stands in for the media library: PDFs attached to a post id. */
    @Singleton
    @Requires(property = "test.safety-seams", value = "true")
    @Replaces(NoPostAttachments.class)
    static class TestAttachments implements PostAttachments {
        final Map<Long, List<Attachment>> byPost = new ConcurrentHashMap<>();

        @Override
        public List<Attachment> of(TenantId tenant, long postId) {
            return byPost.getOrDefault(postId, List.of());
        }
    }

    /** Stands in for the mail outbox: remembers whom it would have told. */
    @Singleton
    @Requires(property = "test.safety-seams", value = "true")
    @Replaces(SecurityIncidentNotifier.class)
    static class RecordingNotifier implements SecurityIncidentNotifier {
        final List<SecurityIncident> told = new CopyOnWriteArrayList<>();

        @Override
        public void incidentRecorded(SecurityIncident incident) {
            told.add(incident);
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        try {
            return Map.of("test.safety-seams", "true",
                    "serambi.media.dir", java.nio.file.Files.createTempDirectory("serambi-safety-media").toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    void agency() {
        dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        accounts.createMember(Fixtures.SYSTEM, dinkes.id(),
                new NewAccount("editor-dinkes", "Editor Dinkes", null, Fixtures.PASSWORD), Role.EDITOR);
        editor = Fixtures.signIn(accounts, sessions, "editor-dinkes");
    }

    @Test
    void gambling_spam_in_a_stored_post_blocks_publication_records_an_incident_and_tells_the_admins() {
        // Saved before the guard looked at drafts, or through a path that stores text as is: "5lot g4cor" is
        // plain text to the sanitiser.
        Post post = draftBypassingTheDraftGuard("Info Layanan", "<p>Info 5lot g4cor malam ini</p>");
        int told = notifier.told.size();

        assertThatThrownBy(() -> posts.publish(admin, "dinkes", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey)
                        .contains(org.assertj.core.groups.Tuple.tuple("bodyHtml", "validation.safety.spam")));

        assertThat(posts.get(admin, "dinkes", post.id()).status()).isEqualTo(PostStatus.DRAFT);
        List<SecurityIncident> recorded = safety.incidents(admin, "dinkes", 10);
        assertThat(recorded).first().satisfies(incident -> {
            assertThat(incident.postId()).isEqualTo(post.id().value());
            assertThat(incident.stage()).isEqualTo("publish");
            assertThat(incident.kind()).isEqualTo("gambling_spam");
            assertThat(incident.foundBy()).isEqualTo("admin-dinkes");
            assertThat(incident.detailJson()).contains("slot gacor");
        });
        assertThat(notifier.told).hasSize(told + 1);
        assertThat(auditActions()).contains("post.spam_blocked");
    }

    @Test
    void hidden_gambling_text_is_refused_at_draft_save_before_the_sanitiser_can_erase_the_evidence() {
        int before = posts.recent(admin, "dinkes", 1000).size();
        String raw = "<p>Jadwal posyandu.</p><div style=\"position:absolute;left:-9999px\">"
                + "<a href=\"https://contoh-situs.example/\">bandar togel</a></div>";
        assertThatThrownBy(() -> posts.createDraft(admin, "dinkes", new PostDraft("Jadwal Posyandu", null, raw, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::messageKey).containsOnly("validation.safety.spam"));
        assertThat(posts.recent(admin, "dinkes", 1000)).hasSize(before);
        SecurityIncident incident = safety.incidents(admin, "dinkes", 1).get(0);
        assertThat(incident.stage()).isEqualTo("draft");
        assertThat(incident.postId()).isNull();
        assertThat(incident.detailJson()).contains("left:-9999px");
    }

    @Test
    void personal_data_blocks_publication_until_an_editor_gives_a_reason_which_is_audited() {
        Post post = posts.createDraft(admin, "dinkes", new PostDraft("Penerima Bantuan",
                "Hubungi 0812-3456-7890", "<p>Ibu Siti, NIK 3201015205900002.</p>", null));

        assertThatThrownBy(() -> posts.publish(editor, "dinkes", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("summary", "bodyHtml", "overrideReason");
                    assertThat(e.errors().get(1).args()).contains("3201**********02");
                    assertThat(e.errors().toString()).doesNotContain("3201015205900002");
                });
        assertThatThrownBy(() -> posts.publish(editor, "dinkes", post.id(), "  "))
                .isInstanceOf(InvalidInputException.class);
        assertThat(posts.get(admin, "dinkes", post.id()).status()).isEqualTo(PostStatus.DRAFT);

        Post published = posts.publish(editor, "dinkes", post.id(), "Nomor layanan resmi, izin tertulis ada.");
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(auditActions()).containsSubsequence("post.personal_data_override", "post.publish");
        assertThat(auditDetail("post.personal_data_override")).contains("Nomor layanan resmi", "NIK=1", "PHONE=1")
                .doesNotContain("3201015205900002");
        // Personal data is never a security incident.
        assertThat(safety.incidents(admin, "dinkes", 100)).noneMatch(i -> post.id().value() == (i.postId() == null ? -1 : i.postId()));
    }

    @Test
    void the_text_of_attached_pdfs_is_scanned_too() throws IOException {
        Post post = posts.createDraft(admin, "dinkes", new PostDraft("Daftar Penerima", null, "<p>Terlampir.</p>", null));
        attachments.byPost.put(post.id().value(), List.of(new PostAttachments.Attachment("daftar.pdf", "application/pdf",
                PdfTextTest.pdfWithPages(List.of("Siti Aminah NIK 3201015205900002"), null))));
        assertThatThrownBy(() -> posts.publish(admin, "dinkes", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).contains("attachments"));

        SafetyReport report = safety.checkStoredPost(dinkes.id(), post.id().value(), post.title(), post.summary(),
                post.bodyHtml());
        assertThat(report.attachments()).singleElement()
                .satisfies(scan -> assertThat(scan.outcome()).isEqualTo(PdfText.Outcome.COMPLETE));
        assertThat(report.personalData()).extracting(PersonalDataFinding::kind).containsExactly(PersonalDataKind.NIK);
    }

    @Test
    void a_ppid_documents_file_is_scanned_and_blocks_publication_until_an_editor_gives_a_reason() throws IOException {
        MediaItem file = media.upload(admin, "dinkes", "daftar-penerima-bantuan.pdf", new java.io.ByteArrayInputStream(
                PdfTextTest.pdfWithPages(List.of("Daftar penerima", "Siti Aminah NIK 3201015205900002"), null)), null);
        Post post = posts.createDraft(admin, "dinkes", new PostDraft("Daftar Penerima Bantuan 2025", null, "<p>Unduh berkasnya.</p>",
                "document", new PostDetails(null, null, null, null, file.id().toString(), "berkala", "2025", null)));

        assertThatThrownBy(() -> posts.publish(editor, "dinkes", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("attachments", "overrideReason");
                    assertThat(e.errors().toString()).doesNotContain("3201015205900002");
                });
        assertThat(posts.get(admin, "dinkes", post.id()).status()).isEqualTo(PostStatus.DRAFT);

        Post published = posts.publish(editor, "dinkes", post.id(), "Daftar resmi yang wajib diumumkan, NIK sudah disetujui.");
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(auditDetail("post.personal_data_override")).contains("Daftar resmi", "NIK=1").doesNotContain("3201015205900002");
    }

    @Test
    void a_ppid_document_with_a_clean_file_publishes_as_before() throws IOException {
        MediaItem file = media.upload(admin, "dinkes", "jadwal.pdf", new java.io.ByteArrayInputStream(
                PdfTextTest.pdfWithPages(List.of("Jadwal pelayanan posyandu setiap Selasa"), null)), null);
        Post post = posts.createDraft(admin, "dinkes", new PostDraft("Jadwal Pelayanan 2025", null, "<p>Unduh.</p>",
                "document", new PostDetails(null, null, null, null, file.id().toString(), "setiap_saat", "2025", null)));
        assertThat(posts.publish(admin, "dinkes", post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void clean_news_publishes_as_before() {
        Post post = posts.createDraft(admin, "dinkes", new PostDraft("Jadwal Pelayanan Posyandu",
                "Slot waktu pelayanan dibuka.", "<p>Pelayanan di Bandar Lampung, telp (0721) 123456, "
                        + "<a href=\"https://dinkes.lampungprov.go.id\">dinkes.lampungprov.go.id</a></p>", null));
        assertThat(posts.publish(admin, "dinkes", post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void an_agency_admin_sees_only_their_own_incidents() {
        Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        Actor dishubAdmin = Fixtures.signIn(accounts, sessions, "admin-dishub");
        assertThatThrownBy(() -> posts.createDraft(dishubAdmin, "dishub",
                new PostDraft("RTP LIVE slot gacor", null, "", null))).isInstanceOf(InvalidInputException.class);
        assertThat(safety.incidents(dishubAdmin, "dishub", 100)).isNotEmpty()
                .allMatch(i -> i.tenantSlug().equals("dishub"));
        assertThat(safety.incidents(admin, "dinkes", 100)).noneMatch(i -> i.tenantSlug().equals("dishub"));
    }

    /** Writes a draft straight into the table, as an older version or an import would have. */
    private Post draftBypassingTheDraftGuard(String title, String body) {
        Post post = posts.createDraft(admin, "dinkes", new PostDraft(title, null, "<p>sementara</p>", null));
        execute("update post set body_html = ? where id = ?", body, post.id().value());
        return post;
    }

    private void execute(String sql, Object... args) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> auditActions() {
        return query("select action from audit_log where tenant_id = " + dinkes.id().value() + " order by id");
    }

    private String auditDetail(String action) {
        return query("select detail::text from audit_log where action = '" + action + "' order by id desc limit 1").get(0);
    }

    private List<String> query(String sql) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_editor_gets_each_finding_with_its_kind_paragraph_and_the_text_around_it() {
        var highlights = safety.personalDataHighlights("Penerima bantuan", "Hubungi ani.s@gmail.com",
                "<p>Pembukaan acara.</p><p>Ibu <b>Siti</b>, NIK 3201015205900002, telepon 0812-3456-7890.</p>");
        assertThat(highlights).extracting(PersonalDataHighlight::kind)
                .containsExactly(PersonalDataKind.EMAIL, PersonalDataKind.NIK, PersonalDataKind.PHONE);
        var email = highlights.get(0);
        assertThat(email.field()).isEqualTo("summary");
        assertThat(email.found()).isEqualTo("ani.s@gmail.com");
        var nik = highlights.get(1);
        assertThat(nik.field()).isEqualTo("bodyHtml");
        assertThat(nik.paragraph()).as("the second paragraph of the body").isEqualTo(2);
        assertThat(nik.before() + "[" + nik.found() + "]" + nik.after())
                .isEqualTo("Ibu Siti, NIK [3201015205900002], telepon 0812-3456-7890.");
        assertThat(nik.cutBefore()).isFalse();
        assertThat(highlights.get(2).found()).isEqualTo("0812-3456-7890");
        assertThat(safety.personalDataHighlights("Rapat", "", "<p>Kantor: (0561) 733-123, humas@ketapangkab.go.id</p>")).isEmpty();
    }
}
