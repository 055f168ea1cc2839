package id.serambi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.access.Actor;
import id.serambi.core.complaint.ComplaintService;
import id.serambi.core.complaint.ComplaintSettings;
import id.serambi.core.complaint.ComplaintStandards;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Filings per second and latency (median, p99) of the complaint form over HTTP, 8 concurrent clients, each
 * filing = one POST (the form page is fetched beforehand and not timed). A benchmark, not a test: it is not
 * picked up by the build; run it by name and copy the logged figures to deploy/bench/COMPLAINTS.md:
 * {@code mvn -o -q verify -pl portal-web -am -Dtest=ComplaintFilingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@MicronautTest(environments = "portal", transactional = false)
class ComplaintFilingBenchmark extends DatabaseTest {
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintFilingBenchmark.class);
    static final int CLIENTS = 8;
    static final int PER_CLIENT = 60;
    static final int WARM_UP = 40;

    @Inject @Client("/") HttpClient http;
    @Inject TenantService tenants;
    @Inject ComplaintService complaints;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.complaints.filings-per-hour", "1000000");
    }

    @BeforeAll
    void anAgency() {
        tenants.createWithoutAdmin(Actor.system("bench"), new NewTenant("dukcapil", "Dinas Kependudukan", "dinas", null));
        complaints.saveSettings(Actor.system("bench"), "dukcapil", new ComplaintSettings(true, List.of(), ComplaintStandards.SEED_004, 730));
    }

    @Test
    void filings_per_second_and_p99() throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            file(0, i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Callable<List<Long>>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            work.add(() -> {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < PER_CLIENT; i++) {
                    times.add(file(client, i));
                }
                return times;
            });
        }
        long started = System.nanoTime();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : pool.invokeAll(work)) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        assertThat(all).hasSize(CLIENTS * PER_CLIENT);
        LOG.info(String.format("complaint filing: %d filings by %d clients in %.1f s = %.1f filings/s; median %.1f ms, p99 %.1f ms, max %.1f ms",
                all.size(), CLIENTS, seconds, all.size() / seconds, all.get(all.size() / 2) / 1e6,
                all.get((int) Math.ceil(all.size() * 0.99) - 1) / 1e6, all.get(all.size() - 1) / 1e6));
    }

    private long file(int client, int i) {
        var form = ComplaintPortalTest.formPage(http.toBlocking().exchange(HttpRequest.GET("/dukcapil/pengaduan"), String.class));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_csrf", form.csrf());
        values.put("token", form.token());
        values.put("agency", "dukcapil");
        values.put("name", "Klien " + client);
        values.put("email", "klien" + client + "@example.id");
        values.put("description", "Pengaduan uji beban nomor " + i + ".");
        values.put("consent", "on");
        long started = System.nanoTime();
        var receipt = http.toBlocking().exchange(HttpRequest.POST("/pengaduan", ComplaintPortalTest.encode(values))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(io.micronaut.http.cookie.Cookie.of("serambi_form", form.cookie())), String.class);
        long took = System.nanoTime() - started;
        ComplaintPortalTest.text(receipt.body(), "register-number");
        return took;
    }
}
