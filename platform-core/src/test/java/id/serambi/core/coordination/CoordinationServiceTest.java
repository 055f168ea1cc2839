package id.serambi.core.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.moderation.ModerationService;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The coordinators' review stream and their marks: read everything, mark, change nothing. */
@MicronautTest(transactional = false)
class CoordinationServiceTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject CoordinationService coordination;
    @Inject ModerationService moderation;
    @Inject ZoneId zone;

    Actor bupati;
    Actor kominfo;
    Actor disperindagAdmin;
    Actor dlhAdmin;

    @BeforeAll
    void twoAgenciesACoordinatorAndKominfo() {
        Fixtures.tenantWithAdmin(tenants, "disperindag", "Dinas Perindustrian dan Perdagangan");
        Fixtures.tenantWithAdmin(tenants, "dlh", "Dinas Lingkungan Hidup");
        Fixtures.platformUser(accounts, "bupati", Role.COORDINATOR);
        Fixtures.platformUser(accounts, "staf", Role.PLATFORM_STAFF);
        bupati = Fixtures.signIn(accounts, sessions, "bupati");
        kominfo = Fixtures.signIn(accounts, sessions, "staf");
        disperindagAdmin = Fixtures.signIn(accounts, sessions, "admin-disperindag");
        dlhAdmin = Fixtures.signIn(accounts, sessions, "admin-dlh");
    }

    private Post published(Actor admin, String slug, String title) {
        return posts.publish(admin, slug, posts.createDraft(admin, slug, new PostDraft(title, null, "<p>Isi.</p>", null)).id());
    }

    private static StreamFilter range(String from, String to) {
        return StreamFilter.parse(Optional.empty(), Optional.empty(), Optional.ofNullable(from), Optional.ofNullable(to),
                Optional.empty());
    }

    private static StreamFilter filter(String tenant, String category) {
        return StreamFilter.parse(Optional.ofNullable(tenant), Optional.ofNullable(category), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Files the post under a category (the district's fixed list of V13) and moves its publication to {@code at}. */
    private void file(Post post, String category, String at) {
        DirectSql.query(database, db -> db.execute("update post set category_id = (select id from category where slug = ?), "
                + "published_at = coalesce(?::timestamp at time zone ?, published_at) where id = ?",
                category, at, zone.getId(), post.id().value()));
    }

    private static StreamFilter agency(String slug) {
        return StreamFilter.parse(Optional.of(slug), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void the_stream_shows_published_news_of_every_agency_newest_first_and_filters_by_agency_and_date() {
        Post older = published(disperindagAdmin, "disperindag", "Pasar Murah");
        Post newer = published(dlhAdmin, "dlh", "Bank Sampah");
        posts.createDraft(dlhAdmin, "dlh", new PostDraft("Masih Draf", null, "<p>x</p>", null));

        var all = coordination.stream(bupati, StreamFilter.ALL).items();
        assertThat(all).extracting(StreamItem::title).containsSubsequence("Bank Sampah", "Pasar Murah").doesNotContain("Masih Draf");
        assertThat(coordination.stream(bupati, agency("dlh")).items()).extracting(StreamItem::title)
                .contains("Bank Sampah").doesNotContain("Pasar Murah");
        String today = newer.publishedAt().atZoneSameInstant(zone).toLocalDate().toString();
        assertThat(coordination.stream(bupati, range(today, today)).items()).extracting(StreamItem::title)
                .containsSubsequence("Bank Sampah", "Pasar Murah");
        assertThat(older.publishedAt()).isBeforeOrEqualTo(newer.publishedAt());
        assertThat(coordination.stream(bupati, range("2001-01-01", "2001-12-31")).items()).isEmpty();
        assertThatThrownBy(() -> StreamFilter.parse(Optional.empty(), Optional.empty(), Optional.of("2026-12-01"),
                Optional.of("2026-11-01"), Optional.empty())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_deleted_post_leaves_the_stream() {
        Post post = published(dlhAdmin, "dlh", "Akan Dihapus");
        moderation.act(kominfo, "dlh", post.id(), "delete", "Duplikat.");
        assertThat(coordination.stream(bupati, agency("dlh")).items()).extracting(StreamItem::title).doesNotContain("Akan Dihapus");
        assertThatThrownBy(() -> coordination.mark(bupati, "dlh", post.id(), "noted", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_coordinator_marks_a_post_and_a_flag_needs_a_note() {
        Post post = published(disperindagAdmin, "disperindag", "Harga Cabai");
        assertThatThrownBy(() -> coordination.mark(bupati, "disperindag", post.id(), "flagged", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("coordination.mark.flag_needs_note"));
        assertThatThrownBy(() -> coordination.mark(bupati, "disperindag", post.id(), "disukai", null))
                .isInstanceOf(InvalidInputException.class);
        coordination.mark(bupati, "disperindag", post.id(), "commended", "Informatif.");
        coordination.mark(bupati, "disperindag", post.id(), "flagged", "Harga tidak bersumber.");
        assertThat(coordination.marks(disperindagAdmin, "disperindag", post.id())).extracting(ReviewMark::kind)
                .containsExactly(MarkKind.FLAGGED, MarkKind.COMMENDED);
        assertThat(posts.get(disperindagAdmin, "disperindag", post.id()).title()).isEqualTo("Harga Cabai");
    }

    @Test
    void agency_admins_have_no_stream_and_cannot_mark() {
        Post post = published(disperindagAdmin, "disperindag", "Tidak Bisa Ditandai");
        assertThatThrownBy(() -> coordination.stream(disperindagAdmin, StreamFilter.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> coordination.mark(disperindagAdmin, "disperindag", post.id(), "noted", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> coordination.mark(dlhAdmin, "disperindag", post.id(), "noted", null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_category_filter_shows_exactly_the_posts_filed_under_it_across_agencies() {
        Post beras = published(disperindagAdmin, "disperindag", "Harga Beras Stabil");
        Post pasar = published(disperindagAdmin, "disperindag", "Pasar Rakyat Dibuka");
        Post umkm = published(dlhAdmin, "dlh", "Daur Ulang untuk UMKM");
        Post sungai = published(dlhAdmin, "dlh", "Sungai Dibersihkan");
        file(beras, "ekonomi", "2025-02-03 08:00");
        file(pasar, "ekonomi", "2025-02-04 08:00");
        file(umkm, "ekonomi", "2025-02-05 08:00");
        file(sungai, "pembangunan", "2025-02-06 08:00");

        assertThat(coordination.stream(bupati, filter(null, "ekonomi")).items()).extracting(StreamItem::title)
                .containsExactly("Daur Ulang untuk UMKM", "Pasar Rakyat Dibuka", "Harga Beras Stabil");
        assertThat(coordination.stream(bupati, filter(null, "ekonomi")).items()).extracting(StreamItem::categoryName)
                .containsOnly("Ekonomi");
        assertThat(coordination.stream(bupati, filter("disperindag", "ekonomi")).items()).extracting(StreamItem::title)
                .containsExactly("Pasar Rakyat Dibuka", "Harga Beras Stabil");
        assertThat(coordination.stream(bupati, filter(null, "pembangunan")).items()).extracting(StreamItem::title)
                .containsExactly("Sungai Dibersihkan");
        assertThat(coordination.stream(bupati, filter("disperindag", "pembangunan")).items()).isEmpty();
        assertThat(coordination.stream(bupati, filter(null, "pendidikan")).items()).isEmpty();
    }

    @Test
    void the_date_range_is_inclusive_whole_days_in_the_portals_time_zone() {
        Post marchEnd = published(dlhAdmin, "dlh", "Akhir Maret");
        Post aprilStart = published(dlhAdmin, "dlh", "Awal April");
        Post aprilEnd = published(disperindagAdmin, "disperindag", "Akhir April");
        Post mayStart = published(disperindagAdmin, "disperindag", "Awal Mei");
        file(marchEnd, "pemerintahan", "2024-03-31 23:59");
        file(aprilStart, "pemerintahan", "2024-04-01 00:00");
        file(aprilEnd, "pemerintahan", "2024-04-30 23:59");
        file(mayStart, "pemerintahan", "2024-05-01 00:00");

        assertThat(coordination.stream(bupati, range("2024-04-01", "2024-04-30")).items()).extracting(StreamItem::title)
                .containsExactly("Akhir April", "Awal April");
        assertThat(coordination.stream(bupati, range("2024-04-30", "2024-04-30")).items()).extracting(StreamItem::title)
                .containsExactly("Akhir April");
        assertThat(coordination.stream(bupati, range("2024-03-01", "2024-04-01")).items()).extracting(StreamItem::title)
                .containsExactly("Awal April", "Akhir Maret");
        assertThat(coordination.stream(bupati, range("2024-05-01", "2024-05-01")).items()).extracting(StreamItem::title)
                .containsExactly("Awal Mei");
        assertThat(coordination.stream(bupati, range(null, "2024-03-31")).items()).extracting(StreamItem::title)
                .containsExactly("Akhir Maret");
        var both = StreamFilter.parse(Optional.of("dlh"), Optional.of("pemerintahan"), Optional.of("2024-03-31"),
                Optional.of("2024-05-31"), Optional.empty());
        assertThat(coordination.stream(bupati, both).items()).extracting(StreamItem::title)
                .containsExactly("Awal April", "Akhir Maret");
        assertThatThrownBy(() -> range("1 April", null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("coordination.filter.date"));
    }
}
