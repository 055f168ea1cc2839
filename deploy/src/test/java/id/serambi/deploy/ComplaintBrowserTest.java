package id.serambi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 6 in a real browser against the demo, the whole path of one complaint: a citizen files it on
 * Disdukcapil's site and keeps the register number and tracking code from the receipt; the complaint officer
 * verifies it and escalates it to the official; the official answers; the officer delivers the answer; the
 * citizen tracks it, reads the history and the answer, and confirms it solved the problem, which closes it.
 * The citizen's three pages are checked with axe-core as well.
 */
class ComplaintBrowserTest {
    private static final String AGENCY = "dukcapil";
    private static final String DESCRIPTION = "Sudah tiga minggu KTP-el saya belum dicetak padahal rekam data sudah selesai.";
    private static final String ANSWER = "Blangko KTP-el sudah tersedia; silakan ambil di loket 3 mulai Senin dengan membawa bukti rekam.";

    private Launch demo;
    private ChromeDriver citizenBrowser;
    private ChromeDriver officeBrowser;

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException().ifPresent(failure -> {
        Browsers.keepEvidence(citizenBrowser, "complaint-browser", context.getRequiredTestMethod().getName() + "-citizen");
        Browsers.keepEvidence(officeBrowser, "complaint-browser", context.getRequiredTestMethod().getName() + "-office");
    });

    @BeforeEach
    void startTheDemoAndTwoBrowsers(@TempDir Path data, @TempDir Path citizenProfile, @TempDir Path officeProfile) {
        Browsers.require("complaint test");
        demo = Launch.start("demo", data, Map.of());
        citizenBrowser = Browsers.open(citizenProfile);
        officeBrowser = Browsers.open(officeProfile);
    }

    @AfterEach
    void stopThem() {
        try {
            for (ChromeDriver browser : new ChromeDriver[] {citizenBrowser, officeBrowser}) {
                if (browser != null) {
                    browser.quit();
                }
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    @Test
    void aCitizensComplaintIsVerifiedEscalatedAnsweredDeliveredAndClosedByTheCitizen() {
        Map<String, String> signIns = Launch.demoSignIns(demo.dataDir);
        ChromeDriver citizen = citizenBrowser;
        WebDriverWait citizenWait = new WebDriverWait(citizen, Browsers.PATIENCE);

        // The citizen files on the agency's own complaint page; the form is accessible as readers get it.
        citizen.get(demo.uri("/" + AGENCY + "/pengaduan").toString());
        citizenWait.until(presenceOfElementLocated(By.id("complaint-form")));
        Axe.assertNoSeriousViolations(citizen);
        citizen.findElement(By.id("name")).sendKeys("Sri Wahyuni");
        citizen.findElement(By.id("phone")).sendKeys("081234567890");
        citizen.findElement(By.cssSelector("#category option[value='KTP-el']")).click();
        citizen.findElement(By.id("description")).sendKeys(DESCRIPTION);
        citizen.findElement(By.id("attachment1")).sendKeys(letter().toString());
        citizen.findElement(By.id("consent")).click();
        citizen.findElement(By.id("complaint-submit")).click();
        citizenWait.until(presenceOfElementLocated(By.id("complaint-receipt")));
        String register = citizen.findElement(By.id("register-number")).getText().trim();
        String code = citizen.findElement(By.id("tracking-code")).getText().trim();
        assertThat(register).matches("ADU/DUKCAPIL/\\d{4}/\\d{6}");
        assertThat(code).isNotBlank();
        assertThat(citizen.findElement(By.id("complaint-receipt")).getText()).contains("Dinas Kependudukan dan Pencatatan Sipil");
        Axe.assertNoSeriousViolations(citizen);

        // The complaint officer finds it in the register, reads it, verifies it and escalates it.
        ChromeDriver office = officeBrowser;
        WebDriverWait officeWait = new WebDriverWait(office, Browsers.PATIENCE);
        String officer = "pengaduan." + AGENCY;
        Browsers.signIn(office, demo, officer, signIns.get(officer));
        office.get(demo.uri("/admin/t/" + AGENCY + "/pengaduan").toString());
        officeWait.until(presenceOfElementLocated(By.id("complaints")));
        office.findElement(By.linkText(register)).click();
        String complaintPage = officeWait.until(presenceOfElementLocated(By.id("complaint-register"))) != null
                ? office.getCurrentUrl() : null;
        assertThat(office.findElement(By.id("complaint-register")).getText()).isEqualTo(register);
        assertThat(office.findElement(By.id("complaint-description")).getText()).isEqualTo(DESCRIPTION);
        assertThat(office.findElement(By.id("complainant-name")).getText()).isEqualTo("Sri Wahyuni");
        assertThat(office.findElement(By.id("complaint-status")).getText()).isEqualTo("Diterima");
        // The citizen's attachment reached the office (the two empty file inputs added nothing).
        assertThat(office.findElements(By.cssSelector("#complaint-attachments li"))).hasSize(1);
        assertThat(office.findElement(By.id("complaint-attachments")).getText()).contains("surat-pengantar.pdf");
        office.findElement(By.id("do-verify")).click();
        officeWait.until(presenceOfElementLocated(By.id("step-notice")));
        assertThat(office.findElement(By.id("complaint-status")).getText()).isEqualTo("Terverifikasi");
        office.findElement(By.id("note-escalate")).sendKeys("Perlu keputusan kepala bidang soal blangko.");
        office.findElement(By.id("do-escalate")).click();
        officeWait.until(presenceOfElementLocated(By.id("step-notice")));
        assertThat(office.findElement(By.id("complaint-status")).getText()).isEqualTo("Diteruskan ke pejabat");
        // An escalated complaint is the official's to answer: the officer is offered no answer.
        assertThat(office.findElements(By.id("do-answer_escalated"))).isEmpty();
        signOut(office);

        // The official answers it.
        String official = "pejabat." + AGENCY;
        Browsers.signIn(office, demo, official, signIns.get(official));
        office.get(complaintPage);
        assertThat(officeWait.until(presenceOfElementLocated(By.id("complaint-history"))).getText())
                .contains("Perlu keputusan kepala bidang soal blangko.");
        officeWait.until(elementToBeClickable(By.id("text-answer_escalated"))).sendKeys(ANSWER);
        office.findElement(By.id("do-answer_escalated")).click();
        officeWait.until(presenceOfElementLocated(By.id("step-notice")));
        assertThat(office.findElement(By.id("complaint-status")).getText()).isEqualTo("Dijawab");
        assertThat(office.findElement(By.id("complaint-answer")).getText()).isEqualTo(ANSWER);
        signOut(office);

        // The officer delivers the answer to the citizen.
        Browsers.signIn(office, demo, officer, signIns.get(officer));
        office.get(complaintPage);
        officeWait.until(elementToBeClickable(By.id("do-deliver"))).click();
        officeWait.until(presenceOfElementLocated(By.id("step-notice")));
        assertThat(office.findElement(By.id("complaint-status")).getText()).isEqualTo("Jawaban disampaikan");

        // The citizen tracks it by register number and code, reads the history and the answer, and confirms.
        citizen.get(demo.uri("/pengaduan/lacak").toString());
        citizenWait.until(presenceOfElementLocated(By.id("track-form")));
        Axe.assertNoSeriousViolations(citizen);
        citizen.findElement(By.id("register")).sendKeys(register);
        citizen.findElement(By.id("code")).sendKeys(code);
        citizen.findElement(By.id("track-submit")).click();
        citizenWait.until(presenceOfElementLocated(By.id("tracked")));
        assertThat(citizen.findElement(By.id("tracked-status")).getText()).isEqualTo("Jawaban disampaikan");
        assertThat(citizen.findElement(By.id("tracked-answer")).getText()).isEqualTo(ANSWER);
        String history = citizen.findElement(By.id("tracked-history")).getText();
        assertThat(history).contains("Pengaduan diterima dan dicatat", "Diverifikasi",
                "Diteruskan ke pejabat yang membidangi", "Dijawab pejabat", "Jawaban disampaikan kepada pelapor");
        // Internal notes are the office's, never the citizen's.
        assertThat(citizen.getPageSource()).doesNotContain("Perlu keputusan kepala bidang");
        Axe.assertNoSeriousViolations(citizen);
        citizen.findElement(By.id("comment")).sendKeys("Terima kasih, KTP-el sudah saya ambil.");
        citizen.findElement(By.id("confirm-solved")).click();
        // The old page's element may be read just as the new page replaces it: that is "not yet", not a failure.
        citizenWait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "Selesai".equals(d.findElement(By.id("tracked-status")).getText()));
        assertThat(citizen.findElement(By.id("tracked-history")).getText()).contains("Pelapor menyatakan selesai");
        assertThat(citizen.findElements(By.id("respond-form"))).isEmpty();

        // The office sees it closed too.
        office.get(complaintPage);
        assertThat(officeWait.until(presenceOfElementLocated(By.id("complaint-status"))).getText()).isEqualTo("Selesai");
    }

    private void signOut(ChromeDriver browser) {
        browser.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
        new WebDriverWait(browser, Browsers.PATIENCE).until(urlContains("/admin/login"));
    }

    /** A small PDF the citizen attaches, as a file on disk for the browser's file input. */
    private static java.nio.file.Path letter() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lampiran");
            return java.nio.file.Files.write(dir.resolve("surat-pengantar.pdf"), id.serambi.core.testing.SampleFiles.PDF);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
