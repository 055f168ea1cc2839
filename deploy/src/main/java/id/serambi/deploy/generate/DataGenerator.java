package id.serambi.deploy.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import id.serambi.core.cache.CacheGenerations;
import id.serambi.db.DatabaseConnections;

/**
 * Fills a database with made-up but plausible public content for load tests: agencies of every kind, a few
 * library images each, and published posts (news mostly, also announcements, documents and galleries) with
 * Indonesian titles and bodies from a government newsroom's vocabulary, district categories, tags and dates
 * spread over five years. Rows go in with COPY, so 100,000 posts take a minute or two, not an hour.
 */
public final class DataGenerator {
    /** What was made. */
    public record Made(int tenants, long posts, long seconds) {
    }

    private static final int COPY_BATCH = 5_000;
    private static final int IMAGES_PER_TENANT = 4;

    private static final List<String> AGENCIES = List.of(
            "Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan", "Dinas Pekerjaan Umum dan Penataan Ruang",
            "Dinas Sosial", "Dinas Pertanian dan Ketahanan Pangan", "Dinas Perhubungan", "Dinas Lingkungan Hidup",
            "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Komunikasi dan Informatika", "Dinas Koperasi dan UKM",
            "Dinas Pariwisata", "Dinas Perikanan", "Dinas Tenaga Kerja", "Dinas Perumahan dan Kawasan Permukiman",
            "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perpustakaan dan Kearsipan",
            "Badan Perencanaan Pembangunan Daerah", "Badan Kepegawaian dan Pengembangan SDM",
            "Badan Penanggulangan Bencana Daerah", "Badan Pendapatan Daerah", "Bagian Hukum Sekretariat Daerah",
            "Bagian Organisasi Sekretariat Daerah", "UPTD Puskesmas Sukamaju", "UPTD Pengelolaan Sampah");
    private static final List<String> PLACES = List.of(
            "Sukamaju", "Mekarsari", "Sindangsari", "Cibodas", "Karangmulya", "Sumberejo", "Tanjungsari", "Margahayu",
            "Pasirjaya", "Wonosari", "Sukadana", "Harjamukti", "Jatimulya", "Bojongsari", "Sidomulyo", "Kertajaya",
            "Cempaka", "Banjarsari", "Mulyorejo", "Tegalsari", "Sukarame", "Pagerwangi", "Rawamekar", "Sindangjaya");
    private static final List<String> ACTIVITIES = List.of(
            "Rapat Koordinasi", "Musrenbang", "Sosialisasi", "Pelatihan", "Monitoring dan Evaluasi", "Bimbingan Teknis",
            "Kunjungan Kerja", "Penyuluhan", "Gotong Royong", "Peresmian", "Apel Siaga", "Rapat Evaluasi",
            "Forum Konsultasi Publik", "Pencanangan", "Verifikasi Lapangan", "Penyerahan Bantuan");
    private static final List<String> TOPICS = List.of(
            "Penanganan Stunting", "Posyandu Balita", "Perbaikan Jalan Desa", "Pembangunan Irigasi", "Vaksinasi Anak",
            "Pendataan Penduduk", "Pengelolaan Sampah", "Kesiapsiagaan Bencana", "Pelayanan KTP-el",
            "Bantuan Sosial Tunai", "Pemberdayaan UMKM", "Ketahanan Pangan", "Penerimaan Peserta Didik Baru",
            "Penurunan Angka Kemiskinan", "Pengendalian Inflasi Daerah", "Program Keluarga Harapan",
            "Rehabilitasi Rumah Tidak Layak Huni", "Penanaman Pohon", "Pencegahan Demam Berdarah",
            "Digitalisasi Pelayanan Publik", "Sertifikasi Halal UMKM", "Pengembangan Desa Wisata", "Air Bersih",
            "Keselamatan Lalu Lintas", "Pupuk Bersubsidi", "Perpustakaan Keliling");
    private static final List<String> ANNOUNCEMENTS = List.of(
            "Pengumuman Jadwal Pelayanan", "Pengumuman Hasil Seleksi", "Pengumuman Libur Pelayanan",
            "Pengumuman Pendaftaran", "Pengumuman Lelang", "Pengumuman Penyaluran Bantuan");
    private static final List<String> SENTENCES = List.of(
            "Kegiatan {t} di {p} dihadiri oleh camat, kepala desa, tokoh masyarakat dan perwakilan organisasi perangkat daerah.",
            "Dalam sambutannya, kepala dinas menyampaikan bahwa {t} merupakan prioritas pembangunan daerah tahun ini.",
            "Pemerintah kabupaten berkomitmen mendukung {t} melalui anggaran yang tepat sasaran dan pengawasan yang ketat.",
            "Warga {p} menyambut baik kegiatan ini dan berharap kegiatan serupa dilaksanakan secara rutin.",
            "Kader posyandu dan tenaga kesehatan puskesmas turut memberikan pendampingan kepada masyarakat.",
            "Data yang dihimpun akan menjadi bahan perencanaan pada musrenbang tingkat kecamatan dan kabupaten.",
            "Pelaksanaan {t} dilakukan secara bertahap dengan melibatkan pemerintah desa dan kelompok masyarakat.",
            "Masyarakat diimbau untuk aktif berpartisipasi dan menyampaikan masukan melalui kanal pengaduan resmi.",
            "Hasil monitoring menunjukkan capaian program telah melampaui target yang ditetapkan dalam rencana kerja.",
            "Kegiatan ditutup dengan diskusi dan penandatanganan berita acara kesepakatan bersama.",
            "Anggaran kegiatan bersumber dari APBD kabupaten dan dana desa tahun anggaran berjalan.",
            "Sebanyak {n} peserta mengikuti kegiatan yang berlangsung di balai desa {p} tersebut.",
            "Ke depan, koordinasi lintas sektor akan terus diperkuat agar pelayanan publik semakin cepat dan mudah.",
            "Pembangunan jalan desa sepanjang {n} meter diharapkan memperlancar distribusi hasil pertanian warga.");
    private static final List<String> TAGS = List.of(
            "stunting", "posyandu", "musrenbang", "jalan-desa", "umkm", "bansos", "kesehatan", "pendidikan",
            "bencana", "pertanian", "pariwisata", "lingkungan", "adminduk", "inflasi", "pelayanan-publik");

    private DataGenerator() {
    }

    public static Made generate(DatabaseConnections db, int tenants, int postsPerTenant, PrintStream out) {
        long started = System.nanoTime();
        Random random = new Random(20261121L);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            c.setAutoCommit(false);
            List<Long> tenantIds = insertTenants(c, tenants, random);
            Map<Long, List<UUID>> images = insertImages(c, tenantIds);
            List<Long> categories = ids(c, "select id from category order by position");
            c.commit();
            out.println("Serambi: " + tenantIds.size() + " agencies made; writing " + (long) tenantIds.size() * postsPerTenant
                    + " posts …");
            long posts = insertPosts(c, tenantIds, images, categories, postsPerTenant, random);
            // Every page cached anywhere is now stale.
            try (Statement s = c.createStatement()) {
                s.execute("update cache_generation set generation = generation + 1, changed_at = now()");
                s.execute("select pg_notify('" + CacheGenerations.CHANNEL + "', '" + CacheGenerations.GLOBAL + "')");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze tenant, post, media, cache_generation");
            }
            return new Made(tenantIds.size(), posts, (System.nanoTime() - started) / 1_000_000_000L);
        } catch (SQLException e) {
            throw new IllegalStateException("generating data failed: " + e.getMessage(), e);
        }
    }

    private static List<Long> insertTenants(Connection c, int count, Random random) throws SQLException {
        Set<String> taken = new HashSet<>(strings(c, "select slug from tenant"));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; rows.size() < count; i++) {
            String name;
            String kind;
            if (i < AGENCIES.size()) {
                name = AGENCIES.get(i);
                kind = name.startsWith("Dinas") ? "dinas" : name.startsWith("Badan") ? "badan"
                        : name.startsWith("Bagian") ? "bagian" : "uptd";
            } else if (i < AGENCIES.size() + PLACES.size()) {
                name = "Kecamatan " + PLACES.get(i - AGENCIES.size());
                kind = "kecamatan";
            } else {
                int n = i - AGENCIES.size() - PLACES.size();
                name = "Desa " + PLACES.get(n % PLACES.size()) + (n >= PLACES.size() ? " " + (n / PLACES.size() + 1) : "");
                kind = "desa";
            }
            String slug = slug(name, 40);
            for (int k = 2; taken.contains(slug); k++) {
                slug = slug(name, 40) + "-" + k;
            }
            taken.add(slug);
            rows.add(new String[] {slug, name, kind, "Situs resmi " + name + " Kabupaten Contoh."});
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into tenant (slug, name, kind, description, contact_email) "
                + "select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) returning id")) {
            s.setArray(1, c.createArrayOf("text", rows.stream().map(r -> r[0]).toArray()));
            s.setArray(2, c.createArrayOf("text", rows.stream().map(r -> r[1]).toArray()));
            s.setArray(3, c.createArrayOf("text", rows.stream().map(r -> r[2]).toArray()));
            s.setArray(4, c.createArrayOf("text", rows.stream().map(r -> r[3]).toArray()));
            s.setArray(5, c.createArrayOf("text", rows.stream().map(r -> r[0] + "@contohkab.go.id").toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into cache_generation (scope) "
                + "select 'tenant:' || t from unnest(?::bigint[]) t on conflict do nothing")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            s.execute();
        }
        return ids;
    }

    /** A few library images per agency (rows only: the files themselves are not made). */
    private static Map<Long, List<UUID>> insertImages(Connection c, List<Long> tenants) throws SQLException {
        Map<Long, List<UUID>> images = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("insert into media (tenant_id, kind, content_type, file_name, "
                + "byte_size, width, height, variants, alt_text) "
                + "select t, 'image', 'image/webp', 'foto-kegiatan-' || g || '.webp', 180000, 1600, 1067, "
                + "'{full,thumb,480,960,1600}', 'Foto kegiatan ' || g from unnest(?::bigint[]) t, generate_series(1, ?) g "
                + "returning tenant_id, id")) {
            Array array = c.createArrayOf("bigint", tenants.toArray());
            s.setArray(1, array);
            s.setInt(2, IMAGES_PER_TENANT);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    images.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                }
            }
        }
        return images;
    }

    private static long insertPosts(Connection c, List<Long> tenants, Map<Long, List<UUID>> images, List<Long> categories,
                                    int perTenant, Random random) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String sql = "copy post (tenant_id, kind, status, title, slug, summary, body_html, display_date, "
                + "first_published_at, published_at, portal_state, source, created_at, updated_at, category_id, tags, "
                + "featured_media_id, seo_description) from stdin";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        long fiveYears = 5L * 365 * 24 * 3600;
        StringBuilder batch = new StringBuilder(COPY_BATCH * 2500);
        int inBatch = 0;
        long total = 0;
        for (long tenant : tenants) {
            List<UUID> tenantImages = images.getOrDefault(tenant, List.of());
            for (int i = 1; i <= perTenant; i++) {
                int roll = random.nextInt(100);
                String kind = roll < 80 ? "news" : roll < 92 ? "announcement" : roll < 96 ? "document" : "gallery";
                String place = PLACES.get(random.nextInt(PLACES.size()));
                String topic = TOPICS.get(random.nextInt(TOPICS.size()));
                String title = switch (kind) {
                    case "announcement" -> ANNOUNCEMENTS.get(random.nextInt(ANNOUNCEMENTS.size())) + " " + topic;
                    case "document" -> "Laporan " + topic + " Tahun " + (now.getYear() - random.nextInt(5));
                    case "gallery" -> "Galeri Foto " + ACTIVITIES.get(random.nextInt(ACTIVITIES.size())) + " " + topic;
                    default -> ACTIVITIES.get(random.nextInt(ACTIVITIES.size())) + " " + topic + " di "
                            + (random.nextBoolean() ? "Desa " : "Kecamatan ") + place;
                };
                OffsetDateTime published = now.minusSeconds((long) (fiveYears * Math.pow(random.nextDouble(), 1.3)));
                OffsetDateTime first = random.nextInt(20) == 0 ? published.minusDays(1 + random.nextInt(30)) : published;
                String summary = topic + " menjadi perhatian bersama pemerintah dan warga " + place + ".";
                String state = random.nextInt(100) < 95 ? "visible" : random.nextBoolean() ? "hidden" : "pending";
                String tags = "{" + TAGS.get(random.nextInt(TAGS.size())) + "," + TAGS.get(random.nextInt(TAGS.size())) + "}";
                String image = tenantImages.isEmpty() || kind.equals("document") ? null
                        : tenantImages.get(random.nextInt(tenantImages.size())).toString();
                row(batch, String.valueOf(tenant), kind, "published", title, slug(title, 100) + "-" + i, summary,
                        body(random, topic, place), published.toString(), first.toString(), published.toString(), state,
                        "native", first.minusHours(2).toString(), published.toString(),
                        String.valueOf(categories.get(random.nextInt(categories.size()))), tags, image,
                        title + ". " + summary);
                total++;
                if (++inBatch == COPY_BATCH) {
                    flush(copy, sql, batch);
                    inBatch = 0;
                }
            }
        }
        flush(copy, sql, batch);
        return total;
    }

    private static String body(Random random, String topic, String place) {
        StringBuilder html = new StringBuilder();
        int paragraphs = 3 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            html.append("<p>");
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                String sentence = SENTENCES.get(random.nextInt(SENTENCES.size()))
                        .replace("{t}", topic.toLowerCase(Locale.ROOT)).replace("{p}", place)
                        .replace("{n}", String.valueOf(20 + random.nextInt(480)));
                html.append(s == 0 ? "" : " ").append(sentence);
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String f = fields[i];
            if (f == null) {
                out.append("\\N");
            } else {
                for (int k = 0; k < f.length(); k++) {
                    char ch = f.charAt(k);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
        }
        out.append('\n');
    }

    private static void flush(CopyManager copy, String sql, StringBuilder batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(batch.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.setLength(0);
    }

    static String slug(String text, int max) {
        String s = java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (s.length() > max) {
            s = s.substring(0, max).replaceAll("-$", "");
        }
        return s;
    }

    private static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }
}
