package id.serambi.deploy.demo;

import static id.serambi.core.jooq.public_.Tables.APP_USER;

import java.util.List;
import java.util.function.Supplier;

import org.jooq.DSLContext;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.complaint.NewComplaint;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/**
 * The demo's complaint desk: Disdukcapil takes complaints online (seed 004 is its SOP), with a complaint
 * officer and the responsible official, and two complaints already in the register (one from WhatsApp, one
 * walk-in), so the console shows a register with clocks from the first sign-in.
 */
@Singleton
class DemoComplaints {
    static final String SLUG = "dukcapil";
    private static final Actor DEMO = Actor.system("demo");

    private final ComplaintService complaints;
    private final AccountService accounts;
    private final DSLContext db;

    DemoComplaints(ComplaintService complaints, AccountService accounts, DSLContext db) {
        this.complaints = complaints;
        this.accounts = accounts;
        this.db = db;
    }

    List<DemoCredentials.Entry> seed(TenantId dukcapil, Supplier<String> passwords) {
        complaints.saveSettings(DEMO, SLUG, new ComplaintSettings(true,
                List.of("KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Akta Kematian", "Pindah Datang", "Lainnya"),
                ComplaintStandards.SEED_004, ComplaintSettings.DEFAULT_RETENTION_DAYS));
        DemoCredentials.Entry officer = member(dukcapil, "pengaduan.dukcapil", "Petugas Pengaduan Disdukcapil",
                Role.COMPLAINT_OFFICER, "Petugas pengaduan Disdukcapil", passwords.get());
        DemoCredentials.Entry official = member(dukcapil, "pejabat.dukcapil", "Pejabat Pengelola Pengaduan Disdukcapil",
                Role.COMPLAINT_OFFICIAL, "Pejabat pengelola pengaduan Disdukcapil", passwords.get());
        complaints.intake(DEMO, SLUG, new NewComplaint("whatsapp", "Warga Contoh", "081200000001", null, "KTP-el",
                "KTP-el saya hilang, bagaimana cara mengurus penggantinya?", true, null));
        complaints.intake(DEMO, SLUG, new NewComplaint("walk_in", "Pemohon Contoh", null, null, "Akta Kelahiran",
                "Nama ibu di akta kelahiran anak saya salah ketik.", true, null));
        return List.of(officer, official);
    }

    private DemoCredentials.Entry member(TenantId tenant, String username, String name, Role role, String label, String password) {
        accounts.createMember(DEMO, tenant, new NewAccount(username, name, null, password), role, false);
        db.update(APP_USER).set(APP_USER.MUST_CHANGE_PASSWORD, false).where(APP_USER.USERNAME.eq(username)).execute();
        return new DemoCredentials.Entry(label, username, password, false);
    }
}
