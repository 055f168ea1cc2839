package id.serambi.core.designation;

import static id.serambi.core.jooq.public_.Tables.AUDIT_LOG;
import static id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.CredentialService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.mail.MailService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.MailServer;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class DesignationServiceTest extends DatabaseTest {
    static final String CHOSEN = "payung-teduh-di-musim-hujan";
    static final byte[] PDF = "%PDF-1.4\n% surat penunjukan\n".getBytes(StandardCharsets.US_ASCII);
    final MailServer smtp = new MailServer().start();
    @Inject DesignationService designations;
    @Inject CredentialService credentials;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject MailService mail;
    @Inject TestClock clock;
    Actor kominfo;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(smtp.properties());
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void kominfo() {
        Fixtures.platformUser(accounts, "kominfo", Role.PLATFORM_ADMIN);
        kominfo = Fixtures.signIn(accounts, sessions, "kominfo");
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void kominfo_provisions_a_tenant_whose_designated_admin_activates_by_mail_and_signs_in() {
        var result = designations.provisionTenant(kominfo, new NewTenant("dinkes", "Dinas Kesehatan", "dinas", null),
                admin("siti.dinkes", "siti@dinkes.contohkab.go.id", "email"), new LetterUpload("surat.pdf", PDF));
        assertThat(result.link().mailed()).isTrue();
        assertThat(accounts.authenticate("siti.dinkes", "", "127.0.0.1", "uji")).isInstanceOf(LoginResult.Refused.class);

        assertThat(mail.sendDue()).isEqualTo(1);
        var message = smtp.messagesTo("siti@dinkes.contohkab.go.id").get(0);
        assertThat(MailServer.subject(message)).contains("Dinas Kesehatan");
        String token = MailServer.tokenIn(message, "https://konsol.contohkab.go.id/admin/aktivasi/");
        assertThat(credentials.pendingActivation(token)).hasValueSatisfying(a -> assertThat(a.username()).isEqualTo("siti.dinkes"));

        assertThatThrownBy(() -> credentials.activate(token, "pendek", "pendek", "127.0.0.1", "uji"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> credentials.activate(token, "dinkes-kabupaten-2026", "dinkes-kabupaten-2026", "127.0.0.1", "uji"))
                .as("the agency's name is refused").isInstanceOf(InvalidInputException.class);
        credentials.activate(token, CHOSEN, CHOSEN, "127.0.0.1", "uji");
        assertThat(accounts.authenticate("siti.dinkes", CHOSEN, "127.0.0.1", "uji")).isInstanceOf(LoginResult.SignedIn.class);
        assertThatThrownBy(() -> credentials.activate(token, CHOSEN + "x", CHOSEN + "x", "127.0.0.1", "uji"))
                .as("a link is good once").isInstanceOf(NotFoundException.class);
        assertThat(DirectSql.<Integer>query(database, db -> db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("auth.link_refused"))))
                .as("the refused use is on record").isPositive();

        var history = designations.history(kominfo, "dinkes");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).letterNumber()).isEqualTo("800/123/DINKES/2026");
        assertThat(history.get(0).hasLetter()).isTrue();
        assertThat(history.get(0).activated()).isTrue();
        assertThat(designations.letter(kominfo, "dinkes", history.get(0).id()).content()).isEqualTo(PDF);
        assertThat(audit("dinkes")).contains("tenant.create", "account.create", "account.activation_issued", "designation.create");
    }

    @Test
    void an_activation_link_expires_after_72_hours_and_a_reissued_one_replaces_it() {
        var result = designations.provisionTenant(kominfo, new NewTenant("bpbd", "Badan Penanggulangan Bencana", "badan", null),
                admin("budi.bpbd", null, "print"), LetterUpload.NONE);
        String first = token(result.link().url());
        assertThat(result.link().mailed()).isFalse();
        var second = designations.reissue(kominfo, "bpbd", result.designationId(), "print");
        assertThat(credentials.pendingActivation(first)).as("replaced").isEmpty();
        assertThat(credentials.pendingActivation(token(second.url()))).isPresent();
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        assertThat(credentials.pendingActivation(token(second.url()))).as("expired").isEmpty();
        assertThatThrownBy(() -> credentials.activate(token(second.url()), CHOSEN, CHOSEN, "127.0.0.1", "uji"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void revoking_a_designation_removes_the_role_and_ends_the_persons_sessions() {
        var result = designations.provisionTenant(kominfo, new NewTenant("dlh", "Dinas Lingkungan Hidup", "dinas", null),
                admin("rina.dlh", null, "print"), LetterUpload.NONE);
        credentials.activate(token(result.link().url()), CHOSEN, CHOSEN, "127.0.0.1", "uji");
        var signedIn = (LoginResult.SignedIn) accounts.authenticate("rina.dlh", CHOSEN, "127.0.0.1", "uji");
        String session = sessions.open(signedIn.account(), "127.0.0.1", "uji");
        Actor rina = sessions.actorFor(session, "127.0.0.1", "uji").orElseThrow();

        // The agency's admin designates a writer of their own team, but not in another agency.
        var writer = designations.designate(rina, "dlh", new NewDesignation("Andi Penulis", "andi.dlh", null, "writer",
                "800/9/DLH/2026", "2026-01-05", "Ir. Bambang", "Kepala Dinas Lingkungan Hidup", "", "", "print"), LetterUpload.NONE);
        assertThat(designations.history(rina, "dlh")).extracting(Designation::username).contains("andi.dlh", "rina.dlh");
        assertThatThrownBy(() -> designations.designate(rina, "dinkes", admin("x.y", null, "print"), LetterUpload.NONE))
                .isInstanceOfAny(NotFoundException.class, AccessDeniedException.class);

        assertThatThrownBy(() -> designations.revoke(kominfo, "dlh", writer.designationId(), " "))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> designations.revoke(rina, "dlh", result.designationId(), "Saya mundur"))
                .as("not one's own").isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::messageKey).containsExactly("validation.designation.not_self"));
        designations.revoke(kominfo, "dlh", result.designationId(), "Pindah tugas ke Bappeda");
        assertThat(sessions.actorFor(session, "127.0.0.1", "uji")).as("session ended").isEmpty();
        var again = (LoginResult.SignedIn) accounts.authenticate("rina.dlh", CHOSEN, "127.0.0.1", "uji");
        assertThat(accounts.grantsOf(again.account().id())).as("role removed").isEmpty();
        var revoked = designations.history(kominfo, "dlh").stream().filter(d -> d.username().equals("rina.dlh")).findFirst().orElseThrow();
        assertThat(revoked.status()).isEqualTo("revoked");
        assertThat(revoked.revokedReason()).isEqualTo("Pindah tugas ke Bappeda");
        assertThatThrownBy(() -> designations.reissue(kominfo, "dlh", result.designationId(), "print"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(audit("dlh")).contains("designation.revoke");
    }

    @Test
    void a_letter_that_is_not_a_pdf_or_too_big_and_missing_letter_fields_are_all_explained() {
        var bad = new NewDesignation("", "", "bukan-email", "", "", "31/02/2026", "", "", "", "", "email");
        assertThatThrownBy(() -> designations.provisionTenant(kominfo, new NewTenant("dishub", "Dinas Perhubungan", "dinas", null),
                bad, new LetterUpload("foto.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4})))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("displayName", "username", "email", "letterNumber", "letterDate", "signerName", "signerTitle", "letter"));
        byte[] huge = new byte[DesignationService.MAX_LETTER_BYTES + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertThatThrownBy(() -> designations.provisionTenant(kominfo, new NewTenant("dishub", "Dinas Perhubungan", "dinas", null),
                admin("a.dishub", null, "print"), new LetterUpload("besar.pdf", huge)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("validation.designation.letter_too_big"));
        assertThat(tenants.findBySlug("dishub")).as("nothing was created").isEmpty();
    }

    @Test
    void a_designation_whose_validity_has_passed_ends_like_a_revocation() {
        var result = designations.provisionTenant(kominfo, new NewTenant("disdik", "Dinas Pendidikan", "dinas", null),
                new NewDesignation("Yuni", "yuni.disdik", null, "tenant_admin", "800/5/DISDIK/2025", "2025-01-02",
                        "Dr. Asep", "Kepala Dinas Pendidikan", "2025-01-02", "2025-12-31", "print"), LetterUpload.NONE);
        credentials.activate(token(result.link().url()), CHOSEN, CHOSEN, "127.0.0.1", "uji");
        var signedIn = (LoginResult.SignedIn) accounts.authenticate("yuni.disdik", CHOSEN, "127.0.0.1", "uji");
        String session = sessions.open(signedIn.account(), "127.0.0.1", "uji");

        assertThat(designations.expireEnded(Fixtures.SYSTEM)).isGreaterThanOrEqualTo(1);
        assertThat(sessions.actorFor(session, "127.0.0.1", "uji")).isEmpty();
        assertThat(accounts.grantsOf(signedIn.account().id())).isEmpty();
        var ended = designations.history(kominfo, "disdik").get(0);
        assertThat(ended.status()).isEqualTo("revoked");
        assertThat(ended.revokedReason()).contains("masa berlaku berakhir");
        assertThat(designations.expireEnded(Fixtures.SYSTEM)).as("once only").isZero();
        assertThat(audit("disdik")).contains("designation.expire");
    }

    private NewDesignation admin(String username, String email, String delivery) {
        return new NewDesignation("Admin " + username, username, email, "tenant_admin", "800/123/DINKES/2026", "2026-11-02",
                "dr. Hadi Susanto", "Kepala Dinas", "", "", delivery);
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String audit(String slug) {
        return String.join(" ", DirectSql.<java.util.List<String>>query(database, db -> db.select(AUDIT_LOG.ACTION).from(AUDIT_LOG)
                .join(id.serambi.core.jooq.public_.Tables.TENANT).on(id.serambi.core.jooq.public_.Tables.TENANT.ID.eq(AUDIT_LOG.TENANT_ID))
                .where(id.serambi.core.jooq.public_.Tables.TENANT.SLUG.eq(slug)).fetch(AUDIT_LOG.ACTION)));
    }
}
