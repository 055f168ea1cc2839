package id.serambi.core.feed;

import static id.serambi.core.jooq.public_.Tables.AUDIT_LOG;
import static id.serambi.core.jooq.public_.Tables.CACHE_GENERATION;
import static id.serambi.core.jooq.public_.Tables.EXTERNAL_FEED;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.SECURITY_INCIDENT;
import static id.serambi.core.jooq.public_.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.jooq.public_.tables.records.ExternalFeedRecord;
import id.serambi.core.jooq.public_.tables.records.PostRecord;
import id.serambi.core.jooq.public_.tables.records.SecurityIncidentRecord;
import id.serambi.core.quota.QuotaService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * The poller against a real HTTP server on 127.0.0.1 (private addresses allowed for this class only) and the
 * real database: good feeds, conditional requests, and every way a feed can go wrong.
 */
@MicronautTest(transactional = false)
class FeedPollerTest extends DatabaseTest {
    static final int MAX_BYTES = 256 * 1024;

    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject FeedService feeds;
    @Inject FeedPoller poller;
    @Inject QuotaService quota;
    @Inject TestClock clock;

    FeedServer server;
    Actor kominfoStaff;
    int tenantCount;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("serambi.feeds.allow-private-addresses", "true");
        properties.put("serambi.feeds.timeout", "3s"); // generous: the build machine is shared and busy
        properties.put("serambi.feeds.max-bytes", String.valueOf(MAX_BYTES));
        properties.put("serambi.test-clock", "true");
        return properties;
    }

    @BeforeAll
    void start() throws IOException {
        server = new FeedServer();
        Fixtures.platformUser(accounts, "staf-kominfo", Role.PLATFORM_STAFF);
        kominfoStaff = Fixtures.signIn(accounts, sessions, "staf-kominfo");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The poller takes every due feed: a test's feeds are switched off when it ends, so the next starts clean. */
    @AfterEach
    void switchOffFeeds() {
        DirectSql.query(database, db -> db.update(EXTERNAL_FEED).set(EXTERNAL_FEED.ENABLED, false).execute());
    }

    record Agency(Tenant tenant, Actor admin) {
        String slug() {
            return tenant.slug();
        }
    }

    Agency agency() {
        String slug = "dinas-" + (++tenantCount);
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, slug, "Dinas Uji " + tenantCount);
        return new Agency(tenant, Fixtures.signIn(accounts, sessions, "admin-" + slug));
    }

    List<PostRecord> postsOf(Agency agency) {
        return DirectSql.query(database, db -> db.selectFrom(POST).where(POST.TENANT_ID.eq(agency.tenant().id().value()))
                .orderBy(POST.ID).fetch());
    }

    ExternalFeedRecord row(ExternalFeed feed) {
        return DirectSql.query(database, db -> db.selectFrom(EXTERNAL_FEED).where(EXTERNAL_FEED.ID.eq(feed.id())).fetchSingle());
    }

    long generation(Agency agency) {
        return DirectSql.query(database, db -> db.select(CACHE_GENERATION.GENERATION).from(CACHE_GENERATION)
                .where(CACHE_GENERATION.SCOPE.eq(agency.tenant().id().cacheScope())).fetchOptional(CACHE_GENERATION.GENERATION)
                .orElse(0L));
    }

    @Test
    void a_good_rss_feed_becomes_published_news_that_counts_toward_the_quota() {
        Agency dinkes = agency();
        server.xml("/good.rss", FeedDocuments.rss(
                FeedDocuments.rssItem("dinkes-2", "https://dinkes.example/berita/2", "Posyandu &lt;b&gt;Balita&lt;/b&gt;",
                        "<p>Kegiatan <script>alert(1)</script>posyandu</p><img src=\"https://tracker.example/x.gif\">",
                        "Fri, 20 Nov 2026 10:00:00 +0700")
                        + FeedDocuments.rssItem("dinkes-1", "javascript:alert(1)", "Vaksinasi Polio",
                        "<p onclick=\"x()\">Vaksinasi di <a href=\"https://dinkes.example\">puskesmas</a></p>",
                        "Mon, 02 Feb 2026 08:00:00 +0700")));
        ExternalFeed feed = feeds.register(dinkes.admin(), dinkes.slug(), server.url("/good.rss"));
        long generationBefore = generation(dinkes);
        OffsetDateTime start = OffsetDateTime.now(clock);

        FeedPoller.Round round = poller.pollDue();

        assertThat(round).isEqualTo(new FeedPoller.Round(1, 0, 2));
        List<PostRecord> posts = postsOf(dinkes);
        assertThat(posts).extracting(PostRecord::getTitle).containsExactly("Vaksinasi Polio", "Posyandu Balita");
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.getStatus()).isEqualTo("published");
            assertThat(p.getKind()).isEqualTo("news");
            assertThat(p.getSource()).isEqualTo("feed");
            assertThat(p.getPortalState()).isEqualTo("visible");
            assertThat(p.getAuthorId()).isNull();
            // counted in the week it reached us, shown with the date the agency's site gave it
            assertThat(p.getFirstPublishedAt()).isAfterOrEqualTo(start);
        });
        PostRecord vaksinasi = posts.get(0);
        assertThat(vaksinasi.getSourceGuid()).isEqualTo("dinkes-1");
        assertThat(vaksinasi.getSourceUrl()).isNull(); // a javascript: link is no link back
        assertThat(vaksinasi.getDisplayDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-02-02T08:00:00+07:00").toInstant());
        assertThat(vaksinasi.getBodyHtml()).doesNotContain("onclick").contains("rel=\"nofollow noopener noreferrer\"");
        assertThat(vaksinasi.getSlug()).isEqualTo("vaksinasi-polio");
        PostRecord posyandu = posts.get(1);
        assertThat(posyandu.getSourceUrl()).isEqualTo("https://dinkes.example/berita/2");
        assertThat(posyandu.getBodyHtml()).doesNotContain("script").doesNotContain("alert").doesNotContain("tracker")
                .contains("posyandu");

        assertThat(quota.thisWeek(dinkes.tenant().id()).published()).isEqualTo(2);
        assertThat(generation(dinkes)).isGreaterThan(generationBefore);
        ExternalFeedRecord polled = row(feed);
        assertThat(polled.getLastSuccessAt()).isNotNull();
        assertThat(polled.getLastError()).isNull();
        assertThat(polled.getNextPollAt()).isEqualTo(polled.getLastPolledAt().plusMinutes(15));
        List<String> audited = DirectSql.query(database, db -> db.select(AUDIT_LOG.ACTION).from(AUDIT_LOG)
                .where(AUDIT_LOG.TENANT_ID.eq(dinkes.tenant().id().value())).and(AUDIT_LOG.ACTION.like("%feed%"))
                .orderBy(AUDIT_LOG.ID).fetch(AUDIT_LOG.ACTION));
        assertThat(audited).containsExactly("feed.register", "post.feed_import", "post.feed_import");
    }

    @Test
    void polling_again_adds_only_new_items_never_duplicates() {
        Agency bappeda = agency();
        String one = FeedDocuments.rssItem("b-1", "https://bappeda.example/1", "Musrenbang Kecamatan", "<p>a</p>", null);
        String two = FeedDocuments.rssItem("b-2", "https://bappeda.example/2", "Musrenbang Kecamatan", "<p>b</p>", null);
        // no GUID: the link is the identity
        String three = FeedDocuments.rssItem(null, "https://bappeda.example/3", "Rencana Kerja", "<p>c</p>", null);
        AtomicReference<String> document = new AtomicReference<>(FeedDocuments.rss(one + two + one));
        server.route("/changing.rss", exchange -> FeedServer.send(exchange, 200, document.get()));
        feeds.register(bappeda.admin(), bappeda.slug(), server.url("/changing.rss"));

        assertThat(poller.pollDue().postsCreated()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(16));
        document.set(FeedDocuments.rss(three + two + one));
        assertThat(poller.pollDue().postsCreated()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(16));
        assertThat(poller.pollDue()).isEqualTo(new FeedPoller.Round(1, 0, 0));

        assertThat(postsOf(bappeda)).extracting(PostRecord::getSourceGuid)
                .containsExactlyInAnyOrder("b-1", "b-2", "https://bappeda.example/3");
        // same title twice: the slugs stay unique in the tenant
        assertThat(postsOf(bappeda)).extracting(PostRecord::getSlug)
                .contains("musrenbang-kecamatan", "musrenbang-kecamatan-2");
    }

    @Test
    void an_unchanged_feed_costs_a_304_and_nothing_else() {
        Agency dukcapil = agency();
        server.route("/conditional.rss", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Sat, 21 Nov 2026 01:00:00 GMT");
            FeedServer.send(exchange, 200, FeedDocuments.rss(FeedDocuments.rssItem("d-1", "https://d.example/1",
                    "KTP Elektronik", "<p>x</p>", null)));
        });
        ExternalFeed feed = feeds.register(dukcapil.admin(), dukcapil.slug(), server.url("/conditional.rss"));
        poller.pollDue();
        assertThat(row(feed).getEtag()).isEqualTo("\"v1\"");
        clock.advance(Duration.ofMinutes(16));

        assertThat(poller.pollDue()).isEqualTo(new FeedPoller.Round(1, 0, 0));

        assertThat(server.requests).filteredOn(r -> r.path().equals("/conditional.rss")).last()
                .isEqualTo(new FeedServer.Seen("/conditional.rss", "\"v1\"", "Sat, 21 Nov 2026 01:00:00 GMT"));
        ExternalFeedRecord after = row(feed);
        assertThat(after.getLastSuccessAt()).isEqualTo(after.getLastPolledAt());
        assertThat(after.getEtag()).isEqualTo("\"v1\"");
        assertThat(postsOf(dukcapil)).hasSize(1);
    }

    @Test
    void an_atom_feed_is_read_too() {
        Agency agency = agency();
        server.xml("/good.atom", FeedDocuments.atom(FeedDocuments.atomEntry("tag:x,2026:1", "https://x.example/a/1",
                "Rapat Koordinasi", "<p>Rapat <strong>koordinasi</strong></p>", "2026-11-20T09:30:00+07:00")));
        feeds.register(agency.admin(), agency.slug(), server.url("/good.atom"));

        poller.pollDue();

        assertThat(postsOf(agency)).singleElement().satisfies(p -> {
            assertThat(p.getTitle()).isEqualTo("Rapat Koordinasi");
            assertThat(p.getBodyHtml()).isEqualTo("<p>Rapat <strong>koordinasi</strong></p>");
            assertThat(p.getSourceGuid()).isEqualTo("tag:x,2026:1");
        });
    }

    @Test
    void a_failing_feed_is_told_in_indonesian_and_backs_off_doubling() {
        Agency agency = agency();
        server.xml("/broken.rss", "<rss><channel><item><title>tak ditutup</channel></rss>");
        ExternalFeed feed = feeds.register(agency.admin(), agency.slug(), server.url("/broken.rss"));

        assertThat(poller.pollDue()).isEqualTo(new FeedPoller.Round(1, 1, 0));
        ExternalFeedRecord first = row(feed);
        assertThat(first.getLastError()).startsWith("Feed bukan XML yang valid");
        assertThat(first.getConsecutiveFailures()).isEqualTo(1);
        assertThat(first.getNextPollAt()).isEqualTo(first.getLastPolledAt().plusMinutes(15));

        clock.advance(Duration.ofMinutes(10));
        assertThat(poller.pollDue().polled()).isZero(); // not due yet
        clock.advance(Duration.ofMinutes(6));
        poller.pollDue();
        ExternalFeedRecord second = row(feed);
        assertThat(second.getConsecutiveFailures()).isEqualTo(2);
        assertThat(second.getNextPollAt()).isEqualTo(second.getLastPolledAt().plusMinutes(30));
        assertThat(feeds.feed(agency.admin(), agency.slug(), feed.id()).failing()).isTrue();

        // the third failure in a row tells the agency's admin, once
        int noticesBefore = notices(agency);
        assertThat(noticesBefore).isZero();
        clock.advance(Duration.ofMinutes(31));
        poller.pollDue();
        assertThat(row(feed).getConsecutiveFailures()).isEqualTo(3);
        assertThat(notices(agency)).isEqualTo(1);

        // after many failures the pause stops growing at a day
        assertThat(new FeedSettings(false, Duration.ofSeconds(10), MAX_BYTES, Duration.ofMinutes(15), Duration.ofHours(24))
                .backOff(20)).isEqualTo(Duration.ofHours(24));

        // the agency fixes its site and switches the feed on again: a fresh start
        server.xml("/fixed.rss", FeedDocuments.rss(""));
        feeds.setEnabled(agency.admin(), agency.slug(), feed.id(), false);
        feeds.setEnabled(agency.admin(), agency.slug(), feed.id(), true);
        assertThat(row(feed).getConsecutiveFailures()).isZero();
    }

    int notices(Agency agency) {
        return DirectSql.query(database, db -> db.fetchCount(id.serambi.core.jooq.public_.Tables.NOTIFICATION,
                id.serambi.core.jooq.public_.Tables.NOTIFICATION.USER_ID.eq(agency.admin().userId().value())
                        .and(id.serambi.core.jooq.public_.Tables.NOTIFICATION.MESSAGE_KEY.eq("notify.feed.failing"))));
    }

    @Test
    void a_huge_feed_is_cut_off_at_the_size_limit() {
        Agency agency = agency();
        long total = 16L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        server.route("/huge.rss", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced, the size shows only by reading
            byte[] chunk = ("<!-- " + "x".repeat(8185) + " -->\n").getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss><channel>".getBytes(StandardCharsets.US_ASCII));
                while (written.get() < total) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            }
        });
        ExternalFeed feed = feeds.register(agency.admin(), agency.slug(), server.url("/huge.rss"));

        assertThat(poller.pollDue().failed()).isEqualTo(1);

        assertThat(row(feed).getLastError()).startsWith("Feed terlalu besar");
        assertThat(written.get()).isLessThan(total); // reading stopped; the rest never came
    }

    @Test
    void a_feed_that_does_not_answer_in_time_is_abandoned() {
        Agency agency = agency();
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow.rss", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FeedServer.send(exchange, 200, FeedDocuments.rss(""));
        });
        ExternalFeed feed = feeds.register(agency.admin(), agency.slug(), server.url("/slow.rss"));
        pollIsAbandonedAtTheDeadline(feed, release);
    }

    @Test
    void a_feed_whose_body_trickles_past_the_deadline_is_abandoned_and_nothing_half_read_is_stored() {
        Agency agency = agency();
        CountDownLatch release = new CountDownLatch(1);
        String document = FeedDocuments.rss(FeedDocuments.rssItem("trickle-1", "https://dinas.example/berita/1",
                "Berita Yang Terputus", "<p>Isi.</p>", "Mon, 30 Nov 2026 08:00:00 +0700"));
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        server.route("/trickle.rss", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            // Headers and half the document arrive at once; the rest never comes before the deadline.
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS);
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                out.close();
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExternalFeed feed = feeds.register(agency.admin(), agency.slug(), server.url("/trickle.rss"));
        pollIsAbandonedAtTheDeadline(feed, release);
        int stored = DirectSql.query(database, db -> db.fetchCount(POST, POST.TITLE.eq("Berita Yang Terputus")));
        assertThat(stored).isZero();
    }

    /** One poll gives up on the held-back server well before it lets go, and tells the agency why in Indonesian. */
    private void pollIsAbandonedAtTheDeadline(ExternalFeed feed, CountDownLatch release) {
        long started = System.nanoTime();
        try {
            assertThat(poller.pollDue().failed()).isEqualTo(1);
        } finally {
            release.countDown();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(row(feed).getLastError()).isEqualTo("Server situs tidak menjawab dalam 3 detik.");
    }

    @Test
    void redirects_are_followed_up_to_three_hops() {
        Agency agency = agency();
        server.xml("/moved/feed.rss", FeedDocuments.rss(FeedDocuments.rssItem("r-1", "https://r.example/1",
                "Pindah Alamat", "<p>x</p>", null)));
        server.route("/hop1", exchange -> FeedServer.redirect(exchange, "/hop2"));
        server.route("/hop2", exchange -> FeedServer.redirect(exchange, server.url("/hop3")));
        server.route("/hop3", exchange -> FeedServer.redirect(exchange, "moved/feed.rss"));
        server.route("/loop0", exchange -> FeedServer.redirect(exchange, "/hop1"));
        ExternalFeed three = feeds.register(agency.admin(), agency.slug(), server.url("/hop1"));
        ExternalFeed four = feeds.register(agency.admin(), agency.slug(), server.url("/loop0"));

        assertThat(poller.pollDue()).isEqualTo(new FeedPoller.Round(2, 1, 1));

        assertThat(row(three).getLastError()).isNull();
        assertThat(row(four).getLastError()).isEqualTo("Terlalu banyak pengalihan (lebih dari 3); periksa alamat feed di situs Anda.");
        assertThat(postsOf(agency)).extracting(PostRecord::getTitle).containsExactly("Pindah Alamat");
    }

    @Test
    void an_xxe_payload_reads_no_file(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Agency agency = agency();
        Path secret = Files.writeString(dir.resolve("kunci.txt"), "RAHASIA-SERVER");
        server.xml("/xxe.rss", FeedDocuments.xxe(secret.toUri().toString()));
        ExternalFeed feed = feeds.register(agency.admin(), agency.slug(), server.url("/xxe.rss"));

        assertThat(poller.pollDue().failed()).isEqualTo(1);

        assertThat(row(feed).getLastError()).startsWith("Feed memuat deklarasi DOCTYPE");
        int leaked = DirectSql.query(database, db -> db.fetchCount(POST, POST.BODY_HTML.contains("RAHASIA")
                .or(POST.TITLE.contains("RAHASIA"))));
        assertThat(leaked).isZero();
    }

    @Test
    void gambling_spam_from_a_feed_is_not_published_and_is_recorded_once() {
        Agency agency = agency();
        server.xml("/spam.rss", FeedDocuments.rss(
                FeedDocuments.rssItem("s-1", "https://s.example/1", "Slot gacor maxwin hari ini",
                        "<p>Daftar sekarang</p>", null)
                        + FeedDocuments.rssItem("s-2", "https://s.example/2", "Pelayanan Terpadu",
                        "<p>Jam layanan baru<script>document.location='https://evil.example'</script></p>", null)));
        feeds.register(agency.admin(), agency.slug(), server.url("/spam.rss"));

        assertThat(poller.pollDue().postsCreated()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(16));
        poller.pollDue();

        assertThat(postsOf(agency)).singleElement().satisfies(p -> {
            assertThat(p.getTitle()).isEqualTo("Pelayanan Terpadu");
            assertThat(p.getBodyHtml()).isEqualTo("<p>Jam layanan baru</p>");
        });
        List<SecurityIncidentRecord> incidents = DirectSql.query(database, db -> db.selectFrom(SECURITY_INCIDENT)
                .where(SECURITY_INCIDENT.TENANT_ID.eq(agency.tenant().id().value())).fetch());
        assertThat(incidents).singleElement().satisfies(incident -> {
                    assertThat(incident.getKind()).isEqualTo("gambling_spam");
                    assertThat(incident.getFoundByLabel()).isEqualTo("feed-poller");
                    assertThat(incident.getDetail().data()).contains("Slot gacor");
                });
    }

    @Test
    void under_pre_moderation_feed_posts_wait_for_kominfo() {
        Agency agency = agency();
        DirectSql.query(database, db -> db.update(TENANT).set(TENANT.PORTAL_MODERATION, "pre")
                .where(TENANT.ID.eq(agency.tenant().id().value())).execute());
        server.xml("/pre.rss", FeedDocuments.rss(FeedDocuments.rssItem("p-1", "https://p.example/1", "Menunggu",
                "<p>x</p>", null)));
        feeds.register(agency.admin(), agency.slug(), server.url("/pre.rss"));

        poller.pollDue();

        assertThat(postsOf(agency)).singleElement().extracting(PostRecord::getPortalState).isEqualTo("pending");
    }

    @Test
    void feed_posts_of_a_post_moderated_agency_await_review_and_a_trusted_agencys_do_not() {
        Agency post = agency();   // post-moderation is the default
        Agency trusted = agency();
        DirectSql.query(database, db -> db.update(TENANT).set(TENANT.PORTAL_MODERATION, "trusted")
                .where(TENANT.ID.eq(trusted.tenant().id().value())).execute());
        server.xml("/post.rss", FeedDocuments.rss(FeedDocuments.rssItem("q-1", "https://q.example/1", "Ditinjau Nanti",
                "<p>x</p>", null)));
        server.xml("/trusted.rss", FeedDocuments.rss(FeedDocuments.rssItem("t-1", "https://t.example/1", "Tepercaya",
                "<p>x</p>", null)));
        feeds.register(post.admin(), post.slug(), server.url("/post.rss"));
        feeds.register(trusted.admin(), trusted.slug(), server.url("/trusted.rss"));

        poller.pollDue();

        assertThat(postsOf(post)).singleElement().satisfies(p -> {
            assertThat(p.getPortalState()).isEqualTo("visible");
            assertThat(p.getUnreviewedSince()).isEqualTo(p.getFirstPublishedAt());
        });
        assertThat(postsOf(trusted)).singleElement().satisfies(p -> {
            assertThat(p.getPortalState()).isEqualTo("visible");
            assertThat(p.getUnreviewedSince()).isNull();
        });
    }

    @Test
    void one_broken_feed_does_not_stop_the_others() {
        Agency first = agency();
        Agency second = agency();
        Agency third = agency();
        server.xml("/a.rss", FeedDocuments.rss(FeedDocuments.rssItem("a-1", "https://a.example/1", "Berita A", "<p>a</p>", null)));
        server.xml("/garbage.rss", "\u0000\u0001 bukan xml");
        server.route("/error.rss", exchange -> FeedServer.send(exchange, 500, "error"));
        server.xml("/c.rss", FeedDocuments.rss(FeedDocuments.rssItem("c-1", "https://c.example/1", "Berita C", "<p>c</p>", null)));
        feeds.register(first.admin(), first.slug(), server.url("/a.rss"));
        ExternalFeed garbage = feeds.register(second.admin(), second.slug(), server.url("/garbage.rss"));
        ExternalFeed error = feeds.register(second.admin(), second.slug(), server.url("/error.rss"));
        feeds.register(third.admin(), third.slug(), server.url("/c.rss"));

        assertThat(poller.pollDue()).isEqualTo(new FeedPoller.Round(4, 2, 2));

        assertThat(postsOf(first)).extracting(PostRecord::getTitle).containsExactly("Berita A");
        assertThat(postsOf(third)).extracting(PostRecord::getTitle).containsExactly("Berita C");
        assertThat(row(garbage).getLastError()).startsWith("Feed bukan XML yang valid");
        assertThat(row(error).getLastError()).isEqualTo("Server situs menjawab dengan kode HTTP 500; feed tidak dapat diambil.");
        // Kominfo sees the failing feeds of every agency
        assertThat(feeds.allFeeds(kominfoStaff, true)).extracting(ExternalFeed::id)
                .contains(garbage.id(), error.id()).doesNotContainNull();
        assertThat(feeds.allFeeds(kominfoStaff, true)).allMatch(ExternalFeed::failing);
    }

    @Test
    void registration_refuses_bad_addresses_with_reasons() {
        Agency agency = agency();
        assertThat(refusal(agency, "")).isEqualTo("validation.feed.url.required");
        assertThat(refusal(agency, "ftp://dinas.example/feed")).isEqualTo("feed.error.scheme");
        assertThat(refusal(agency, "javascript:alert(1)")).isEqualTo("feed.error.scheme");
        assertThat(refusal(agency, "https://dinas.example/" + "a".repeat(2000))).isEqualTo("validation.feed.url.too_long");
        assertThat(refusal(agency, "http://dinas example/feed")).isEqualTo("feed.error.address");
        feeds.register(agency.admin(), agency.slug(), server.url("/dup.rss"));
        assertThat(refusal(agency, server.url("/dup.rss"))).isEqualTo("validation.feed.url.taken");
        for (int i = 1; i < FeedService.FEEDS_PER_TENANT_MAX; i++) {
            feeds.register(agency.admin(), agency.slug(), server.url("/more-" + i + ".rss"));
        }
        assertThat(refusal(agency, server.url("/one-too-many.rss"))).isEqualTo("validation.feed.limit");
    }

    private String refusal(Agency agency, String url) {
        try {
            feeds.register(agency.admin(), agency.slug(), url);
        } catch (InvalidInputException e) {
            return e.errors().get(0).messageKey();
        }
        throw new AssertionError("accepted " + url);
    }

    @Test
    void agencies_see_and_change_only_their_own_feeds() {
        Agency owner = agency();
        Agency other = agency();
        ExternalFeed feed = feeds.register(owner.admin(), owner.slug(), server.url("/own.rss"));

        assertThatThrownBy(() -> feeds.feeds(other.admin(), owner.slug())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feeds.remove(other.admin(), owner.slug(), feed.id())).isInstanceOf(NotFoundException.class);
        // naming their own site with the other's feed id finds nothing either
        assertThatThrownBy(() -> feeds.setEnabled(other.admin(), other.slug(), feed.id(), false))
                .isInstanceOf(NotFoundException.class);
        // Kominfo's staff look but do not register (outside their rights, the site is simply not found)
        assertThatThrownBy(() -> feeds.register(kominfoStaff, owner.slug(), server.url("/staff.rss")))
                .isInstanceOf(NotFoundException.class);
        assertThat(feeds.feeds(kominfoStaff, owner.slug())).extracting(ExternalFeed::id).containsExactly(feed.id());
        assertThat(row(feed).getEnabled()).isTrue();
        assertThat(feeds.feeds(owner.admin(), owner.slug())).singleElement()
                .satisfies(f -> assertThat(f.lastPolledAt()).isNull());
        feeds.remove(owner.admin(), owner.slug(), feed.id());
        assertThat(feeds.feeds(owner.admin(), owner.slug())).isEmpty();
    }
}
