package id.serambi.deploy.demo;

import static id.serambi.core.jooq.public_.Tables.CATEGORY;
import static id.serambi.core.jooq.public_.Tables.MEDIA;
import static id.serambi.core.jooq.public_.Tables.PORTAL_PIN;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.POST_GALLERY_ITEM;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.jooq.DSLContext;

import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaStorage;
import id.serambi.core.tenant.SlugRules;
import id.serambi.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * What the demo's reader pages need beyond news (issue 4): categories and tags on the news, each agency's
 * contact details and menu pages (Profil, Visi dan Misi, Struktur Organisasi), PPID documents, a gallery with
 * photos and a YouTube video, and three headlines pinned by Kominfo with their photos. Images are drawn here
 * (no stock photos in the repository) and stored in the media storage in the variants the portal serves.
 */
@Singleton
@Requires(env = "demo")
class DemoReading {
    private static final Map<String, String> CATEGORY_OF = Map.ofEntries(
            Map.entry("diskominfo", "pemerintahan"), Map.entry("dukcapil", "pelayanan-publik"),
            Map.entry("dinkes", "kesehatan"), Map.entry("disdikbud", "pendidikan"), Map.entry("dpupr", "pembangunan"),
            Map.entry("dinsos", "sosial-budaya"), Map.entry("distan", "pertanian"), Map.entry("bappeda", "pembangunan"),
            Map.entry("bkpsdm", "pemerintahan"), Map.entry("bpbd", "pelayanan-publik"), Map.entry("dpmptsp", "ekonomi"),
            Map.entry("kec-sukamaju", "pemerintahan"));
    private static final List<String> WIDTHS = List.of("480", "960", "1600");

    private final DSLContext db;
    private final MediaStorage storage;
    private final Clock clock;

    DemoReading(DSLContext db, MediaStorage storage, Clock clock) {
        this.db = db;
        this.storage = storage;
        this.clock = clock;
    }

    /** Adds the reader content to the freshly seeded agencies (in the caller's transaction). */
    void seed(List<DemoAgencies.Agency> agencies) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int n = 1;
        for (DemoAgencies.Agency agency : agencies) {
            long tenant = tenantId(agency.slug());
            db.update(TENANT)
                    .set(TENANT.CONTACT_ADDRESS, "Jl. Jenderal Sudirman No. " + (n * 7) + ", Kabupaten Contoh")
                    .set(TENANT.CONTACT_PHONE, "(0266) 52" + String.format("%02d", n) + "01")
                    .set(TENANT.CONTACT_EMAIL, agency.slug() + "@contohkab.go.id")
                    .set(TENANT.OFFICE_HOURS, "Senin–Kamis 08.00–16.00 WIB, Jumat 08.00–11.30 WIB")
                    .where(TENANT.ID.eq(tenant)).and(TENANT.CONTACT_ADDRESS.isNull())
                    .execute();
            Long category = db.select(CATEGORY.ID).from(CATEGORY).where(CATEGORY.SLUG.eq(CATEGORY_OF.get(agency.slug())))
                    .fetchOne(CATEGORY.ID);
            db.update(POST).set(POST.CATEGORY_ID, category).where(POST.TENANT_ID.eq(tenant)).execute();
            for (String topic : agency.topics()) {
                db.update(POST).set(POST.TAGS, new String[] {topic.toLowerCase(java.util.Locale.ROOT), agency.shortName().toLowerCase(java.util.Locale.ROOT)})
                        .where(POST.TENANT_ID.eq(tenant)).and(POST.TITLE.contains(topic)).execute();
            }
            page(tenant, "Profil", 1, now.minusDays(60), "<p>" + agency.name() + " adalah perangkat daerah Kabupaten Contoh. "
                    + agency.description() + "</p><p>Kantor kami melayani warga pada hari dan jam kerja; layanan daring tersedia "
                    + "melalui situs ini.</p>");
            page(tenant, "Visi dan Misi", 2, now.minusDays(60), "<h2>Visi</h2><p>Terwujudnya pelayanan " + agency.shortName()
                    + " yang cepat, terbuka, dan dekat dengan masyarakat.</p><h2>Misi</h2><ol><li>Meningkatkan mutu layanan publik."
                    + "</li><li>Membuka informasi bagi warga.</li><li>Membangun aparatur yang berintegritas.</li></ol>");
            page(tenant, "Struktur Organisasi", 3, now.minusDays(60), "<p>Kepala " + agency.shortName()
                    + " dibantu seorang sekretaris dan tiga kepala bidang, serta unit pelaksana teknis.</p>");
            n++;
        }

        long dinkes = tenantId("dinkes");
        long bpbd = tenantId("bpbd");
        long diskominfo = tenantId("diskominfo");
        for (long tenant : List.of(dinkes, diskominfo)) {
            UUID pdf = document(tenant, "daftar-informasi-publik.pdf");
            doc(tenant, "Laporan Kinerja Instansi Pemerintah (LKjIP) 2025", "berkala", 2025, pdf, now.minusDays(30));
            doc(tenant, "Rencana Strategis 2025–2029", "setiap_saat", 2025, document(tenant, "renstra-2025-2029.pdf"), now.minusDays(45));
            doc(tenant, "Daftar Informasi Publik 2024", "setiap_saat", 2024, document(tenant, "dip-2024.pdf"), now.minusDays(300));
        }
        doc(dinkes, "Informasi Kewaspadaan Demam Berdarah Dengue", "serta_merta", 2026, document(dinkes, "waspada-dbd.pdf"),
                now.minusDays(3));

        UUID posyandu = image(dinkes, new Color(0x0a4f8f), new Color(0x3fa7d6), "Kader posyandu menimbang balita di Desa Mekarsari");
        UUID senam = image(dinkes, new Color(0x1e7a46), new Color(0x9bd17a), "Senam pagi bersama warga di alun-alun");
        UUID cek = image(dinkes, new Color(0x8f3b0a), new Color(0xf2b134), "Pemeriksaan tekanan darah gratis");
        UUID video = UUID.randomUUID();
        db.insertInto(MEDIA).set(MEDIA.TENANT_ID, dinkes).set(MEDIA.ID, video).set(MEDIA.KIND, "youtube")
                .set(MEDIA.CONTENT_TYPE, "video/youtube").set(MEDIA.FILE_NAME, "Hari Kesehatan Nasional").set(MEDIA.BYTE_SIZE, 0L)
                .set(MEDIA.VARIANTS, new String[0]).set(MEDIA.YOUTUBE_ID, "M7lc1UVf-VE").execute();
        long gallery = post(dinkes, "gallery", "Galeri Peringatan Hari Kesehatan Nasional", null, now.minusDays(5),
                "<p>Rangkaian kegiatan peringatan Hari Kesehatan Nasional di Kabupaten Contoh.</p>");
        int position = 1;
        for (Object[] item : List.of(new Object[] {posyandu, "Posyandu balita"}, new Object[] {senam, "Senam pagi bersama"},
                new Object[] {cek, "Cek kesehatan gratis"}, new Object[] {video, "Video kegiatan"})) {
            db.insertInto(POST_GALLERY_ITEM).set(POST_GALLERY_ITEM.TENANT_ID, dinkes).set(POST_GALLERY_ITEM.POST_ID, gallery)
                    .set(POST_GALLERY_ITEM.POSITION, position++).set(POST_GALLERY_ITEM.MEDIA_ID, (UUID) item[0])
                    .set(POST_GALLERY_ITEM.CAPTION, (String) item[1]).execute();
        }

        // Kominfo's headlines: each agency's newest news, with a photo.
        int pin = 1;
        for (Object[] headline : List.of(new Object[] {dinkes, posyandu},
                new Object[] {bpbd, image(bpbd, new Color(0x7a1e1e), new Color(0xe07b39), "Simulasi tanggap bencana banjir")},
                new Object[] {diskominfo, image(diskominfo, new Color(0x2d2a6e), new Color(0x6c8ae4), "Pelatihan pengelola website")})) {
            long tenant = (Long) headline[0];
            Long post = db.select(POST.ID).from(POST).where(POST.TENANT_ID.eq(tenant)).and(POST.KIND.eq("news"))
                    .and(POST.STATUS.eq("published")).orderBy(POST.PUBLISHED_AT.desc()).limit(1).fetchOne(POST.ID);
            if (post == null) {
                continue;
            }
            db.update(POST).set(POST.FEATURED_MEDIA_ID, (UUID) headline[1]).where(POST.ID.eq(post)).execute();
            db.insertInto(PORTAL_PIN).set(PORTAL_PIN.TENANT_ID, tenant).set(PORTAL_PIN.POST_ID, post)
                    .set(PORTAL_PIN.POSITION, pin++).execute();
        }
    }

    private long tenantId(String slug) {
        return db.select(TENANT.ID).from(TENANT).where(TENANT.SLUG.eq(slug)).fetchOne(TENANT.ID);
    }

    private void page(long tenant, String title, int menu, OffsetDateTime at, String body) {
        long id = post(tenant, "page", title, null, at, body);
        db.update(POST).set(POST.MENU_POSITION, menu).where(POST.ID.eq(id)).execute();
    }

    private void doc(long tenant, String title, String category, int year, UUID file, OffsetDateTime at) {
        long id = post(tenant, "document", title, "Dokumen " + title + ", dapat diunduh oleh setiap warga.", at, "");
        db.update(POST).set(POST.DOCUMENT_MEDIA_ID, file).set(POST.DOCUMENT_CATEGORY, category).set(POST.DOCUMENT_YEAR, year)
                .where(POST.ID.eq(id)).execute();
    }

    private long post(long tenant, String kind, String title, String summary, OffsetDateTime at, String body) {
        String slug = SlugRules.fromTitle(title);
        int taken = db.fetchCount(POST, POST.TENANT_ID.eq(tenant).and(POST.SLUG.like(slug + "%")));
        return db.insertInto(POST)
                .set(POST.TENANT_ID, tenant).set(POST.KIND, kind).set(POST.STATUS, "published")
                .set(POST.TITLE, title).set(POST.SLUG, taken == 0 ? slug : SlugRules.withSuffix(slug, taken + 1))
                .set(POST.SUMMARY, summary).set(POST.BODY_HTML, body)
                .set(POST.FIRST_PUBLISHED_AT, at).set(POST.PUBLISHED_AT, at).set(POST.CREATED_AT, at).set(POST.UPDATED_AT, at)
                .returning(POST.ID).fetchOne(POST.ID);
    }

    /** A small PDF, so the documents list links to a file that opens. */
    private UUID document(long tenant, String fileName) {
        UUID id = UUID.randomUUID();
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        byte[] bytes = pdf.getBytes(StandardCharsets.US_ASCII);
        store(tenant, id, "original", bytes, "application/pdf");
        db.insertInto(MEDIA).set(MEDIA.TENANT_ID, tenant).set(MEDIA.ID, id).set(MEDIA.KIND, "document")
                .set(MEDIA.CONTENT_TYPE, "application/pdf").set(MEDIA.FILE_NAME, fileName).set(MEDIA.BYTE_SIZE, (long) bytes.length)
                .set(MEDIA.VARIANTS, new String[] {"original"}).execute();
        return id;
    }

    /** A drawn 3:2 photo stand-in in every width the portal offers, plus a thumbnail. */
    private UUID image(long tenant, Color from, Color to, String alt) {
        UUID id = UUID.randomUUID();
        for (String width : WIDTHS) {
            store(tenant, id, width, jpeg(Integer.parseInt(width), Integer.parseInt(width) * 2 / 3, from, to), "image/jpeg");
        }
        store(tenant, id, "thumb", jpeg(320, 213, from, to), "image/jpeg");
        db.insertInto(MEDIA).set(MEDIA.TENANT_ID, tenant).set(MEDIA.ID, id).set(MEDIA.KIND, "image")
                .set(MEDIA.CONTENT_TYPE, "image/jpeg").set(MEDIA.FILE_NAME, SlugRules.fromTitle(alt) + ".jpg")
                .set(MEDIA.BYTE_SIZE, 0L).set(MEDIA.WIDTH, 1600).set(MEDIA.HEIGHT, 1066)
                .set(MEDIA.VARIANTS, new String[] {"480", "960", "1600", "thumb"}).set(MEDIA.ALT_TEXT, alt).execute();
        return id;
    }

    private static byte[] jpeg(int width, int height, Color from, Color to) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, from, width, height, to));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 90));
        g.fillOval(width / 8, height / 4, width / 3, width / 3);
        g.fillRoundRect(width / 2, height / 2, width / 3, height / 4, width / 20, width / 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void store(long tenant, UUID id, String variant, byte[] bytes, String contentType) {
        try {
            storage.put(MediaStorage.key(new TenantId(tenant), new MediaId(id), variant), bytes, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
