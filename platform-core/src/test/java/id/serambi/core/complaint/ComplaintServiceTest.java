package id.serambi.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.SampleFiles;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Seed 004's flow against the real database: the citizen's filing through the portal role, the officers' steps. */
@MicronautTest(transactional = false)
class ComplaintServiceTest extends DatabaseTest {
    static final PublicComplaints.ReceiptMail MAIL = new PublicComplaints.ReceiptMail("Pengaduan {register}",
            "Nomor register Anda {register}.");

    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject ComplaintService complaints;
    @Inject PublicComplaints portal;
    @Inject TestClock clock;
    @Inject ZoneId zone;
    @Inject ComplaintReports reports;

    Tenant dukcapil;
    Actor admin;
    Actor officer;
    Actor official;
    Actor stranger;
    PublicComplaints.Service service;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.test-clock", "true");
    }

    @BeforeAll
    void anAgencyWithItsComplaintTeam() {
        dukcapil = Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan");
        Fixtures.tenantWithAdmin(tenants, "lain", "Dinas Lain");
        admin = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
        stranger = Fixtures.signIn(accounts, sessions, "admin-lain");
        officer = member("petugas", Role.COMPLAINT_OFFICER);
        official = member("pejabat", Role.COMPLAINT_OFFICIAL);
        count(db -> db.execute("update app_user set email = 'pejabat@dukcapil.example.id' where username = 'pejabat'"));
        complaints.saveSettings(admin, "dukcapil", new ComplaintSettings(true, List.of("KTP-el", "Akta", "Lainnya"),
                ComplaintStandards.SEED_004, 730));
        service = portal.services().stream().filter(s -> s.slug().equals("dukcapil")).findFirst().orElseThrow();
    }

    private Actor member(String username, Role role) {
        accounts.createMember(Fixtures.SYSTEM, dukcapil.id(), new NewAccount(username, "Uji " + username, null, Fixtures.PASSWORD),
                role, false);
        return Fixtures.signIn(accounts, sessions, username);
    }

    private NewComplaint citizen(String token) {
        return new NewComplaint("web", "Siti Aminah", "0812 3456 7890", "siti@example.id", "KTP-el",
                "KTP-el saya belum jadi sejak tiga bulan.", true, token);
    }

    private int year() {
        return OffsetDateTime.now(clock).atZoneSameInstant(zone).getYear();
    }

    @Test
    void the_whole_flow_from_filing_through_escalation_to_the_citizens_confirmation() {
        String token = TrackingCodes.newFormToken();
        Filed filed = portal.file(service, citizen(token), MAIL);
        assertThat(filed.created()).isTrue();
        assertThat(filed.registerNumber()).matches("ADU/DUKCAPIL/" + year() + "/\\d{6}");
        assertThat(filed.trackingCode()).hasSize(12).matches("[" + TrackingCodes.ALPHABET + "]+");

        // The same form sent again (a double click, a retry): the same complaint and receipt, nothing new.
        Filed again = portal.file(service, citizen(token), MAIL);
        assertThat(again.created()).isFalse();
        assertThat(again.registerNumber()).isEqualTo(filed.registerNumber());
        assertThat(again.trackingCode()).isEqualTo(filed.trackingCode());
        assertThat(count(db -> db.fetchCount(db.select().from("mail_outbox")
                .where("purpose = 'complaint_receipt' and subject = ?", "Pengaduan " + filed.registerNumber())))).isEqualTo(1);

        var listed = complaints.list(officer, "dukcapil", null).stream().filter(c -> c.id() == filed.id()).findFirst().orElseThrow();
        assertThat(listed.complainantName()).isEqualTo("Siti Aminah");
        assertThat(listed.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(listed.dueAt()).isNotNull();
        // The complainant's data stays with the complaint roles: not the agency admin, not another agency.
        assertThatThrownBy(() -> complaints.list(admin, "dukcapil", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> complaints.get(stranger, "dukcapil", filed.id())).isInstanceOf(NotFoundException.class);

        assertThat(complaints.get(officer, "dukcapil", filed.id()).possibleSteps())
                .containsExactly(ComplaintStep.VERIFY, ComplaintStep.RETURN);
        assertThatThrownBy(() -> complaints.act(official, "dukcapil", filed.id(), ComplaintStep.VERIFY, null, null))
                .isInstanceOf(AccessDeniedException.class);
        complaints.act(officer, "dukcapil", filed.id(), ComplaintStep.VERIFY, null, "Data kependudukan cocok.");
        assertThatThrownBy(() -> complaints.act(officer, "dukcapil", filed.id(), ComplaintStep.DELIVER, null, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).messageKey())
                        .isEqualTo("complaint.error.step_not_allowed"));
        complaints.act(officer, "dukcapil", filed.id(), ComplaintStep.ESCALATE, null, "Perlu keputusan kepala bidang.");
        assertThat(count(db -> db.fetchCount(db.select().from("notification")
                .where("kind = 'complaint.escalated'")))).isGreaterThanOrEqualTo(1);
        assertThat(count(db -> db.fetchCount(db.select().from("mail_outbox").where(
                "purpose = 'complaint_escalated' and recipient = 'pejabat@dukcapil.example.id' and body_text like ?",
                "%" + filed.registerNumber() + "%/admin/t/dukcapil/pengaduan/" + filed.id() + "%")))).isEqualTo(1);
        assertThatThrownBy(() -> complaints.act(officer, "dukcapil", filed.id(), ComplaintStep.ANSWER_ESCALATED, "x", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> complaints.act(official, "dukcapil", filed.id(), ComplaintStep.ANSWER_ESCALATED, " ", null))
                .isInstanceOf(InvalidInputException.class);
        complaints.act(official, "dukcapil", filed.id(), ComplaintStep.ANSWER_ESCALATED,
                "KTP-el Anda sudah dicetak dan dapat diambil di loket 3.", "Blangko datang minggu ini.");
        complaints.addNote(official, "dukcapil", filed.id(), "Catatan rahasia petugas.");

        // Before delivery the citizen sees the progress but not yet the answer.
        TrackedComplaint before = portal.track(filed.registerNumber(), filed.trackingCode()).orElseThrow();
        assertThat(before.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(before.answer()).isNull();
        assertThat(before.mayRespond()).isFalse();

        complaints.act(officer, "dukcapil", filed.id(), ComplaintStep.DELIVER, null, null);
        assertThat(count(db -> db.fetchCount(db.select().from("mail_outbox")
                .where("purpose = 'complaint_answer' and recipient = 'siti@example.id'")))).isEqualTo(1);

        // Typed in lower case with dashes, as people do.
        String typed = TrackingCodes.grouped(filed.trackingCode()).toLowerCase();
        TrackedComplaint tracked = portal.track(filed.registerNumber().toLowerCase(), typed).orElseThrow();
        assertThat(tracked.answer()).isEqualTo("KTP-el Anda sudah dicetak dan dapat diambil di loket 3.");
        assertThat(tracked.mayRespond()).isTrue();
        assertThat(tracked.history()).extracting(TrackedComplaint.Line::step)
                .containsExactly("file", "verify", "escalate", "answer_escalated", "deliver");
        assertThat(tracked.history()).extracting(TrackedComplaint.Line::publicText).doesNotContain("Catatan rahasia petugas.",
                "Blangko datang minggu ini.");
        // A wrong code is the same "nothing" as a wrong number.
        assertThat(portal.track(filed.registerNumber(), "ABCDEFGHJKMN")).isEmpty();
        assertThat(portal.track("ADU/DUKCAPIL/1999/000001", filed.trackingCode())).isEmpty();
        assertThat(portal.respond(filed.registerNumber(), "ABCDEFGHJKMN", true, null)).isEmpty();

        assertThat(portal.respond(filed.registerNumber(), filed.trackingCode(), true, "Terima kasih.")).contains(ComplaintStatus.CLOSED);
        assertThat(portal.respond(filed.registerNumber(), filed.trackingCode(), false, null)).isEmpty();
        assertThat(complaints.get(officer, "dukcapil", filed.id()).summary().status()).isEqualTo(ComplaintStatus.CLOSED);

        // The audit trail has every step and none of the complainant's data.
        List<String> audit = DirectSql.query(database, db -> db.fetch(
                "select action || ' ' || detail::text from audit_log where subject_id = ?", filed.registerNumber()).getValues(0, String.class));
        assertThat(audit).anyMatch(a -> a.startsWith("complaint.verify")).anyMatch(a -> a.startsWith("complaint.escalate"))
                .anyMatch(a -> a.startsWith("complaint.answer_escalated")).anyMatch(a -> a.startsWith("complaint.deliver"));
        assertThat(String.join(" ", audit)).doesNotContain("Siti").doesNotContain("0812").doesNotContain("siti@example.id");
    }

    @Test
    void an_invalid_complaint_goes_back_with_its_reason_and_a_citizen_may_reopen_an_answer() {
        Filed invalid = portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL);
        assertThatThrownBy(() -> complaints.act(officer, "dukcapil", invalid.id(), ComplaintStep.RETURN, "", null))
                .isInstanceOf(InvalidInputException.class);
        complaints.act(officer, "dukcapil", invalid.id(), ComplaintStep.RETURN, "Nomor pengajuan tidak ditemukan; lampirkan bukti.", null);
        TrackedComplaint returned = portal.track(invalid.registerNumber(), invalid.trackingCode()).orElseThrow();
        assertThat(returned.status()).isEqualTo(ComplaintStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("Nomor pengajuan tidak ditemukan; lampirkan bukti.");

        Filed answered = portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL);
        complaints.act(officer, "dukcapil", answered.id(), ComplaintStep.VERIFY, null, null);
        complaints.act(officer, "dukcapil", answered.id(), ComplaintStep.ANSWER, "Silakan datang ke loket 1.", null);
        complaints.act(officer, "dukcapil", answered.id(), ComplaintStep.DELIVER, null, null);
        assertThat(portal.respond(answered.registerNumber(), answered.trackingCode(), false, "Loket 1 tutup.")).contains(ComplaintStatus.VERIFIED);
        var detail = complaints.get(officer, "dukcapil", answered.id());
        assertThat(detail.summary().status()).isEqualTo(ComplaintStatus.VERIFIED);
        assertThat(detail.history()).extracting(ComplaintEventLine::publicText).contains("Loket 1 tutup.");
        assertThat(detail.possibleSteps()).containsExactly(ComplaintStep.ANSWER, ComplaintStep.ESCALATE);
    }

    @Test
    void an_officer_records_a_walk_in_complaint_in_the_same_register() {
        Filed web = portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL);
        NewComplaint walkIn = new NewComplaint("walk_in", "Budi", null, null, "Akta", "Akta kelahiran anak salah ejaan nama.",
                true, null);
        assertThatThrownBy(() -> complaints.intake(admin, "dukcapil", walkIn)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> complaints.intake(officer, "dukcapil",
                new NewComplaint("web", "Budi", null, null, "Akta", "Akta kelahiran anak salah ejaan nama.", true, null)))
                .isInstanceOf(InvalidInputException.class);
        Filed recorded = complaints.intake(officer, "dukcapil", walkIn);
        assertThat(seq(recorded)).isEqualTo(seq(web) + 1);
        var summary = complaints.get(officer, "dukcapil", recorded.id()).summary();
        assertThat(summary.channel()).isEqualTo(ComplaintChannel.WALK_IN);
    }

    @Test
    void the_public_form_needs_a_contact_a_known_category_and_consent() {
        var bad = new NewComplaint("web", "", " ", "", "Entah", "pendek", false, TrackingCodes.newFormToken());
        assertThatThrownBy(() -> portal.file(service, bad, MAIL)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(f -> f.field())
                        .contains("name", "phone", "category", "description", "consent"));
    }

    @Test
    void register_numbers_are_gapless_under_concurrent_filing_and_after_a_rolled_back_one() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Filed>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            work.add(() -> portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<Filed> f : pool.invokeAll(work)) {
            numbers.add(seq(f.get()));
        }
        pool.shutdown();
        Collections.sort(numbers);
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(numbers.get(i - 1) + 1);
        }
        // A filing whose transaction rolls back gives its number back.
        int before = lastSeq();
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            connection.setAutoCommit(false);
            DSL.using(connection, SQLDialect.POSTGRES).fetch("select * from public.complaint_file(?::bigint, 'web', null, ?::text, 'X', null, null, null, "
                            + "'Uraian yang cukup panjang.', true, null, 'uji', now(), null, ?::integer)",
                    dukcapil.id().value(), "0".repeat(64), year());
            connection.rollback();
        }
        Filed next = portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL);
        assertThat(seq(next)).isEqualTo(before + 1);
    }

    @Test
    void overdue_steps_notify_once_delivered_answers_close_after_fourteen_days_and_old_ones_lose_their_names() {
        // Whatever other scenarios left open is overdue ten days on (the longest standard here is 3 office days):
        // notify it now, so that the count below is this complaint's alone.
        clock.advance(Duration.ofDays(10));
        complaints.notifyOverdue();
        Filed late = portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL);
        clock.advance(Duration.ofDays(3));
        assertThat(complaints.list(officer, "dukcapil", ComplaintStatus.RECEIVED))
                .filteredOn(c -> c.id() == late.id()).singleElement().satisfies(c -> assertThat(c.overdue()).isTrue());
        // One overdue step, two people of the agency's complaint team (the officer and the official).
        assertThat(complaints.notifyOverdue()).isEqualTo(2);
        assertThat(count(db -> db.fetchCount(db.select().from("notification")
                .where("kind = 'complaint.overdue' and link = ?", "/admin/t/dukcapil/pengaduan/" + late.id())))).isEqualTo(2);
        assertThat(complaints.notifyOverdue()).isZero();

        complaints.act(officer, "dukcapil", late.id(), ComplaintStep.VERIFY, null, "Pelapor menelepon dari 0812 3456 7890.");
        complaints.attach(officer, "dukcapil", late.id(), List.of(new ComplaintAttachments.Upload("ktp-pelapor.pdf", SampleFiles.PDF)),
                "Salinan surat Siti Aminah.");
        complaints.act(officer, "dukcapil", late.id(), ComplaintStep.ANSWER, "Yth. Siti Aminah, KTP-el sudah selesai.", null);
        complaints.act(officer, "dukcapil", late.id(), ComplaintStep.DELIVER, null, null);
        clock.advance(Duration.ofDays(15));
        assertThat(portal.respond(late.registerNumber(), late.trackingCode(), true, null)).isEmpty();
        assertThat(complaints.closeUnanswered()).isGreaterThanOrEqualTo(1);
        assertThat(complaints.get(officer, "dukcapil", late.id()).summary().status()).isEqualTo(ComplaintStatus.CLOSED);
        // The receipt and the answer went to the complainant's address.
        assertThat(mailsAbout(late)).containsExactlyInAnyOrder("siti@example.id", "siti@example.id");

        clock.advance(Duration.ofDays(731));
        assertThat(complaints.anonymiseExpired()).isGreaterThanOrEqualTo(1);
        var gone = complaints.get(officer, "dukcapil", late.id());
        assertThat(gone.anonymised()).isTrue();
        assertThat(gone.summary().complainantName()).isNull();
        assertThat(gone.phone()).isNull();
        assertThat(gone.email()).isNull();
        assertThat(gone.answer()).isNull();
        assertThat(gone.description()).isEqualTo(ComplaintService.ANONYMISED);
        // Every other copy: the texts and notes of its steps, its files, the mails' recipient and text.
        assertThat(gone.history()).hasSize(6).allSatisfy(e -> {
            assertThat(e.publicText()).isNull();
            assertThat(e.internalNote()).isNull();
        });
        assertThat(gone.attachments()).isEmpty();
        assertThat(mailsAbout(late)).containsExactly(ComplaintService.ANONYMISED, ComplaintService.ANONYMISED);
        assertThat(count(db -> db.fetchCount(db.select().from("mail_outbox").where("position(? in subject) > 0 and body_text <> ?",
                late.registerNumber(), ComplaintService.ANONYMISED)))).isZero();
        String everything = DirectSql.query(database, db -> db.fetchOne(
                "select coalesce(string_agg(m.recipient || m.body_text, ' '), '') from mail_outbox m where position(? in m.subject) > 0",
                late.registerNumber()).get(0, String.class));
        assertThat(everything).doesNotContain("siti@example.id").doesNotContain("Siti Aminah");
    }

    private List<String> mailsAbout(Filed filed) {
        return DirectSql.query(database, db -> db.fetch("select recipient from mail_outbox where position(? in subject) > 0 "
                + "and purpose like 'complaint_%' order by id", filed.registerNumber()).getValues(0, String.class));
    }

    // ---- time standards: the tenant's own, counted in office hours with the holidays ----

    /** Moves the test clock forward to the next {@code day} at {@code hour:minute} in the portal's zone (at least a day ahead). */
    private ZonedDateTime moveToNext(DayOfWeek day, int hour, int minute) {
        ZonedDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(zone);
        ZonedDateTime target = now.toLocalDate().plusDays(1).with(TemporalAdjusters.nextOrSame(day)).atTime(hour, minute).atZone(zone);
        clock.advance(Duration.between(now, target));
        return target;
    }

    private Instant dueOf(Actor who, String slug, long id) {
        OffsetDateTime due = complaints.get(who, slug, id).summary().dueAt();
        return due == null ? null : due.toInstant();
    }

    @Test
    void a_tenant_with_its_own_standards_gets_those_due_times_at_every_step() {
        Tenant own = Fixtures.tenantWithAdmin(tenants, "mandiri", "Dinas Mandiri");
        Actor ownAdmin = Fixtures.signIn(accounts, sessions, "admin-mandiri");
        accounts.createMember(Fixtures.SYSTEM, own.id(), new NewAccount("petugas-mandiri", "Uji", null, Fixtures.PASSWORD),
                Role.COMPLAINT_OFFICER, false);
        Actor ownOfficer = Fixtures.signIn(accounts, sessions, "petugas-mandiri");
        // receive 5, verify 10, record 20, answer 30, escalated answer 3 office days, deliver 40 minutes.
        complaints.saveSettings(ownAdmin, "mandiri", new ComplaintSettings(true, List.of(),
                new ComplaintStandards(5, 10, 20, 30, 3, 40), 730));
        var ownService = portal.services().stream().filter(s -> s.slug().equals("mandiri")).findFirst().orElseThrow();
        ZonedDateTime monday = moveToNext(DayOfWeek.MONDAY, 9, 0);

        Filed web = portal.file(ownService, new NewComplaint("web", "Ani", "081200001111", null, null,
                "Lampu jalan di depan kantor mati.", true, TrackingCodes.newFormToken()), MAIL);
        // Filed on the web: receive + verify + record.
        assertThat(dueOf(ownOfficer, "mandiri", web.id())).isEqualTo(monday.plusMinutes(35).toInstant());
        // Recorded at the desk, where it was received: verify + record.
        Filed desk = complaints.intake(ownOfficer, "mandiri", new NewComplaint("walk_in", "Budi", null, null, null,
                "Antrean loket terlalu panjang.", true, null));
        assertThat(dueOf(ownOfficer, "mandiri", desk.id())).isEqualTo(monday.plusMinutes(30).toInstant());

        complaints.act(ownOfficer, "mandiri", web.id(), ComplaintStep.VERIFY, null, null);
        assertThat(dueOf(ownOfficer, "mandiri", web.id())).isEqualTo(monday.plusMinutes(30).toInstant());
        complaints.act(ownOfficer, "mandiri", web.id(), ComplaintStep.ANSWER, "Lampu sudah diganti.", null);
        assertThat(dueOf(ownOfficer, "mandiri", web.id())).isEqualTo(monday.plusMinutes(40).toInstant());
        complaints.act(ownOfficer, "mandiri", web.id(), ComplaintStep.DELIVER, null, null);
        assertThat(dueOf(ownOfficer, "mandiri", web.id())).isNull();
        // Reopened by the citizen: back to the officer's answer, with this agency's answer standard.
        assertThat(portal.respond(web.registerNumber(), web.trackingCode(), false, "Masih mati.")).contains(ComplaintStatus.VERIFIED);
        assertThat(dueOf(ownOfficer, "mandiri", web.id())).isEqualTo(monday.plusMinutes(30).toInstant());
        complaints.act(ownOfficer, "mandiri", web.id(), ComplaintStep.ESCALATE, null, null);
        assertThat(dueOf(ownOfficer, "mandiri", web.id())).isEqualTo(monday.plusDays(3).toInstant());
    }

    @Test
    void a_holiday_moves_a_due_time_to_the_next_working_day() {
        ZonedDateTime monday = moveToNext(DayOfWeek.MONDAY, 15, 50);
        LocalDate tuesday = monday.toLocalDate().plusDays(1);
        count(db -> db.execute("insert into holiday (day, name) values (?, 'Cuti bersama uji')", tuesday));
        try {
            Filed filed = portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL);
            // 45 office minutes (15 + 15 + 15): 10 on Monday, Tuesday is a holiday, the other 35 on Wednesday.
            assertThat(dueOf(officer, "dukcapil", filed.id()))
                    .isEqualTo(tuesday.plusDays(1).atTime(8, 5).atZone(zone).toInstant());
        } finally {
            count(db -> db.execute("delete from holiday where day = ?", tuesday));
        }
    }

    @Test
    void an_escalated_answer_gets_two_working_days_over_the_weekend() {
        ZonedDateTime thursday = moveToNext(DayOfWeek.THURSDAY, 10, 0);
        Filed filed = complaints.intake(officer, "dukcapil", new NewComplaint("phone", "Budi", "081311112222", null, "Akta",
                "Akta kelahiran belum terbit.", true, null));
        complaints.act(officer, "dukcapil", filed.id(), ComplaintStep.VERIFY, null, null);
        complaints.act(officer, "dukcapil", filed.id(), ComplaintStep.ESCALATE, null, null);
        // Thursday 10:00 + 2 office days = Monday 10:00 (Friday, then Monday; the weekend does not count).
        assertThat(dueOf(officer, "dukcapil", filed.id())).isEqualTo(thursday.plusDays(4).toInstant());
    }

    // ---- every field's length and choice ----

    private static void assertRefused(Runnable filing, String field, String messageKey) {
        assertThatThrownBy(filing::run).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .filteredOn(f -> f.field().equals(field)).extracting(f -> f.messageKey()).containsExactly(messageKey));
    }

    @Test
    void every_field_too_long_is_refused_with_its_own_message_on_the_web_and_at_the_desk() {
        String token = TrackingCodes.newFormToken();
        NewComplaint ok = citizen(token);
        int before = count(db -> db.fetchCount(db.select().from("complaint")));
        Map<String, NewComplaint> tooLong = new java.util.LinkedHashMap<>();
        tooLong.put("name", new NewComplaint("web", "N".repeat(201), ok.phone(), ok.email(), ok.category(), ok.description(), true, token));
        tooLong.put("phone", new NewComplaint("web", ok.name(), "0".repeat(21), ok.email(), ok.category(), ok.description(), true, token));
        tooLong.put("email", new NewComplaint("web", ok.name(), ok.phone(), "a".repeat(250) + "@x.id", ok.category(), ok.description(), true, token));
        tooLong.put("category", new NewComplaint("web", ok.name(), ok.phone(), ok.email(), "K".repeat(101), ok.description(), true, token));
        tooLong.put("description", new NewComplaint("web", ok.name(), ok.phone(), ok.email(), ok.category(), "u".repeat(5001), true, token));
        Map<String, String> keys = Map.of("name", "validation.too_long", "phone", "complaint.error.phone_long",
                "email", "complaint.error.email_long", "category", "complaint.error.category",
                "description", "complaint.error.description_long");
        tooLong.forEach((field, c) -> {
            assertRefused(() -> portal.file(service, c, MAIL), field, keys.get(field));
            NewComplaint desk = new NewComplaint("walk_in", c.name(), c.phone(), c.email(), c.category(), c.description(), true, null);
            assertRefused(() -> complaints.intake(officer, "dukcapil", desk), field, keys.get(field));
        });
        assertRefused(() -> complaints.intake(officer, "dukcapil", new NewComplaint("x".repeat(300), ok.name(), null, null,
                ok.category(), ok.description(), true, null)), "channel", "complaint.error.channel");
        assertThat(count(db -> db.fetchCount(db.select().from("complaint")))).isEqualTo(before);
    }

    @Test
    void a_category_sent_to_an_agency_without_categories_is_refused_not_a_500() {
        Tenant plain = Fixtures.tenantWithAdmin(tenants, "polos", "Dinas Tanpa Kategori");
        Actor plainAdmin = Fixtures.signIn(accounts, sessions, "admin-polos");
        accounts.createMember(Fixtures.SYSTEM, plain.id(), new NewAccount("petugas-polos", "Uji", null, Fixtures.PASSWORD),
                Role.COMPLAINT_OFFICER, false);
        Actor plainOfficer = Fixtures.signIn(accounts, sessions, "petugas-polos");
        complaints.saveSettings(plainAdmin, "polos", new ComplaintSettings(true, List.of(), ComplaintStandards.SEED_004, 730));
        var plainService = portal.services().stream().filter(s -> s.slug().equals("polos")).findFirst().orElseThrow();
        String longCategory = "K".repeat(101);
        assertRefused(() -> portal.file(plainService, new NewComplaint("web", "Ani", "081200001111", null, longCategory,
                "Uraian yang cukup panjang.", true, TrackingCodes.newFormToken()), MAIL), "category", "complaint.error.category_long");
        assertRefused(() -> complaints.intake(plainOfficer, "polos", new NewComplaint("walk_in", "Ani", null, null, "Akta",
                "Uraian yang cukup panjang.", true, null)), "category", "complaint.error.category_none");
        // No category at all is what such an agency takes.
        assertThat(portal.file(plainService, new NewComplaint("web", "Ani", "081200001111", null, "",
                "Uraian yang cukup panjang.", true, TrackingCodes.newFormToken()), MAIL).created()).isTrue();
    }

    // ---- attachments ----

    @Test
    void files_of_the_citizen_and_the_officer_are_kept_checked_and_only_for_this_agencys_complaint_team() {
        var upload = List.of(new ComplaintAttachments.Upload("foto jalan.png", SampleFiles.png()),
                new ComplaintAttachments.Upload("surat.pdf", SampleFiles.PDF));
        Filed filed = portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL, upload);
        // An opaque picture is re-encoded (metadata gone) and kept as what it now is, a JPEG.
        var attachments = complaints.get(officer, "dukcapil", filed.id()).attachments();
        assertThat(attachments).extracting(ComplaintAttachments.Attachment::fileName).containsExactly("foto jalan.jpg", "surat.pdf");
        assertThat(attachments).extracting(ComplaintAttachments.Attachment::contentType).containsExactly("image/jpeg", "application/pdf");
        assertThat(attachments).allSatisfy(a -> assertThat(a.byCitizen()).isTrue());
        var pdf = complaints.attachment(official, "dukcapil", filed.id(), attachments.get(1).id());
        assertThat(pdf.bytes()).isEqualTo(SampleFiles.PDF);

        complaints.attach(officer, "dukcapil", filed.id(), List.of(new ComplaintAttachments.Upload("berita-acara.pdf", SampleFiles.PDF)),
                "Berita acara pemeriksaan.");
        var all = complaints.get(officer, "dukcapil", filed.id());
        assertThat(all.attachments()).hasSize(3).last().satisfies(a -> assertThat(a.byCitizen()).isFalse());
        assertThat(all.history()).extracting(ComplaintEventLine::internalNote).contains("Berita acara pemeriksaan.");

        // Crafted files: refused with the reason, nothing filed or attached.
        int complaintsBefore = count(db -> db.fetchCount(db.select().from("complaint")));
        for (var crafted : List.of(new ComplaintAttachments.Upload("bukti.pdf", SampleFiles.HTML),
                new ComplaintAttachments.Upload("denah.svg", SampleFiles.SVG),
                new ComplaintAttachments.Upload("bukti.pdf", SampleFiles.EXE),
                new ComplaintAttachments.Upload("besar.pdf", SampleFiles.oversized()))) {
            assertThatThrownBy(() -> portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL, List.of(crafted)))
                    .as(crafted.fileName()).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                            .satisfies(f -> assertThat(f.field()).isEqualTo(ComplaintAttachments.FIELD)));
            assertThatThrownBy(() -> complaints.attach(officer, "dukcapil", filed.id(), List.of(crafted), null))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(count(db -> db.fetchCount(db.select().from("complaint")))).isEqualTo(complaintsBefore);
        assertThat(complaints.get(officer, "dukcapil", filed.id()).attachments()).hasSize(3);
        assertThatThrownBy(() -> portal.file(service, citizen(TrackingCodes.newFormToken()), MAIL,
                java.util.Collections.nCopies(4, new ComplaintAttachments.Upload("a.pdf", SampleFiles.PDF))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(f -> f.messageKey())
                        .containsExactly("complaint.attachment.too_many"));

        // Not the agency admin, not another agency: their lookups find nothing to give.
        assertThatThrownBy(() -> complaints.attachment(admin, "dukcapil", filed.id(), attachments.get(0).id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> complaints.attachment(stranger, "dukcapil", filed.id(), attachments.get(0).id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_monthly_report_counts_channels_times_and_open_overdue_steps_without_personal_data() throws Exception {
        Tenant capil = Fixtures.tenantWithAdmin(tenants, "capil", "Capil Kecamatan");
        Actor capilAdmin = Fixtures.signIn(accounts, sessions, "admin-capil");
        accounts.createMember(Fixtures.SYSTEM, capil.id(), new NewAccount("petugas-capil", "Uji", null, Fixtures.PASSWORD),
                Role.COMPLAINT_OFFICER, false);
        Actor capilOfficer = Fixtures.signIn(accounts, sessions, "petugas-capil");
        complaints.saveSettings(capilAdmin, "capil", new ComplaintSettings(true, List.of(), ComplaintStandards.SEED_004, 730));
        var capilService = portal.services().stream().filter(s -> s.slug().equals("capil")).findFirst().orElseThrow();
        NewComplaint c = new NewComplaint("web", "Dewi Lestari", "081311112222", null, null, "Antrean loket terlalu lama.", true, null);
        Filed quick = portal.file(capilService, new NewComplaint(c.channel(), c.name(), c.phone(), null, null, c.description(), true,
                TrackingCodes.newFormToken()), MAIL);
        portal.file(capilService, new NewComplaint(c.channel(), c.name(), c.phone(), null, null, c.description(), true,
                TrackingCodes.newFormToken()), MAIL);
        complaints.intake(capilOfficer, "capil", new NewComplaint("walk_in", "Dewi Lestari", null, null, null, c.description(), true, null));
        complaints.act(capilOfficer, "capil", quick.id(), ComplaintStep.VERIFY, null, null);
        clock.advance(Duration.ofDays(4));
        java.time.YearMonth month = java.time.YearMonth.from(complaints.get(capilOfficer, "capil", quick.id())
                .summary().filedAt().atZoneSameInstant(zone));
        ComplaintReport report = reports.forTenant(capilAdmin, "capil", month);
        assertThat(report.received()).isEqualTo(3);
        assertThat(report.byChannel()).containsEntry("web", 2L).containsEntry("walk_in", 1L);
        var received = report.steps().stream().filter(s -> s.step().equals("received")).findFirst().orElseThrow();
        assertThat(received.done()).isEqualTo(1);
        assertThat(received.doneInTime()).isEqualTo(1);
        // The verified one waits for its answer; the two still unverified are overdue: both count as missed.
        assertThat(received.openOverdue()).isEqualTo(2);
        assertThat(received.sharePercentInTime()).isEqualTo(33);
        assertThat(report.steps().stream().filter(s -> s.step().equals("verified")).findFirst().orElseThrow().openOverdue()).isEqualTo(1);
        String csv = ComplaintReports.csv(List.of(report));
        assertThat(csv).contains("received", "saluran:walk_in").doesNotContain("Dewi").doesNotContain("0813");
        byte[] xlsx = ComplaintReports.xlsx(List.of(report));
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("bulan");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("received");
            assertThat(rows.get(1).getCellText(8)).isEqualTo("33");
        }
        // The agency's officer may read figures; another agency's admin may not.
        assertThatThrownBy(() -> reports.forTenant(stranger, "capil", month)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_portal_role_reaches_complaints_only_through_its_narrow_functions() throws Exception {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.portalUser(), database.portalPassword())) {
            for (String sql : List.of("select * from public.complaint", "select * from public.complaint_counter",
                    "update public.complaint set status = 'closed'", "select * from public.complaint_event",
                    "select * from public.complaint_file(1, 'web', null, '0', 'x', null, null, null, 'uraian panjang', true, "
                            + "null, 'x', now(), null, 2026)")) {
                assertThatThrownBy(() -> c.createStatement().execute(sql)).as(sql)
                        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    private int count(java.util.function.Function<org.jooq.DSLContext, Integer> query) {
        return DirectSql.query(database, query);
    }

    private static int seq(Filed filed) {
        return Integer.parseInt(filed.registerNumber().substring(filed.registerNumber().lastIndexOf('/') + 1));
    }

    private int lastSeq() {
        return DirectSql.query(database, db -> db.fetchOne("select last from complaint_counter where tenant_id = ? and year = ?",
                dukcapil.id().value(), year()).get(0, Integer.class));
    }
}
