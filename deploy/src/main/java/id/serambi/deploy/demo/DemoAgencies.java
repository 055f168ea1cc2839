package id.serambi.deploy.demo;

import java.util.List;
import java.util.Random;

/**
 * The agencies of the demo district and the kind of news each writes. {@code pace} is how many posts a week
 * the agency usually manages: the diligent ones keep the quota of two, the others fall short in some weeks.
 */
final class DemoAgencies {

    record Story(String kind, String title, String summary, String bodyHtml) {
    }

    record Agency(String slug, String name, String shortName, String kind, String description, double pace,
                  List<String> topics) {

        /** A week's number of posts around the agency's pace (0 to pace+1). */
        int postsInWeek(Random random) {
            int base = (int) Math.floor(pace);
            return Math.max(0, base + (random.nextDouble() < pace - base ? 1 : 0) + random.nextInt(2) - (random.nextInt(3) == 0 ? 1 : 0));
        }

        Story story(Random random) {
            String topic = topics.get(random.nextInt(topics.size()));
            String place = PLACES.get(random.nextInt(PLACES.size()));
            boolean announcement = random.nextInt(5) == 0;
            String title = announcement
                    ? "Pengumuman: " + topic + " di " + place
                    : OPENINGS.get(random.nextInt(OPENINGS.size())).formatted(shortName, topic, place);
            String summary = shortName + " melaksanakan kegiatan " + topic + " bagi warga " + place
                    + ", sebagai bagian dari program kerja tahun ini.";
            String body = "<p>Kegiatan " + topic + " berlangsung sejak pagi di " + place + ". Warga datang membawa "
                    + "dokumen yang diperlukan dan dilayani petugas secara bergantian.</p>"
                    + "<p>Kegiatan ini dihadiri perangkat kecamatan, tokoh masyarakat, dan warga setempat. Kepala "
                    + shortName + " menyampaikan bahwa pelayanan publik harus semakin dekat dengan masyarakat.</p>"
                    + "<h3>Tindak lanjut</h3><ul><li>Pendataan warga yang belum terlayani</li>"
                    + "<li>Koordinasi dengan pemerintah desa</li><li>Evaluasi bulanan</li></ul>"
                    + "<p>Informasi lebih lanjut dapat diperoleh di kantor " + name + " pada jam kerja.</p>";
            return new Story(announcement ? "announcement" : "news", title, summary, body);
        }
    }

    static final List<String> PLACES = List.of("Kecamatan Sukamaju", "Desa Mekarsari", "Kelurahan Tanjung Harapan",
            "Kecamatan Sungai Rampah", "Desa Karya Bakti", "Kecamatan Bukit Indah", "Desa Sido Mulyo",
            "Kelurahan Pasar Baru");

    static final List<String> OPENINGS = List.of("%s Gelar %s di %s", "%2$s Bersama %1$s di %3$s",
            "%s Laksanakan %s untuk Warga %s", "Warga %3$s Ikuti %2$s yang Diselenggarakan %1$s");

    static final List<Agency> ALL = List.of(
            new Agency("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", "dinas",
                    "Pengelola portal resmi, layanan informasi publik, dan jaringan pemerintahan Kabupaten Contoh.",
                    3.0, List.of("Pelatihan Pengelola Website", "Sosialisasi Keamanan Informasi", "Forum Komunikasi Publik",
                            "Literasi Digital")),
            new Agency("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas",
                    "Pelayanan KTP-el, Kartu Keluarga, akta kelahiran, dan administrasi kependudukan.",
                    2.6, List.of("Pelayanan KTP-el Keliling", "Perekaman KTP-el Pemula", "Penerbitan Akta Kelahiran",
                            "Sosialisasi Identitas Kependudukan Digital")),
            new Agency("dinkes", "Dinas Kesehatan", "Dinkes", "dinas",
                    "Layanan kesehatan masyarakat, puskesmas, imunisasi, dan pencegahan penyakit.",
                    2.4, List.of("Imunisasi Polio", "Posyandu Balita", "Pemeriksaan Kesehatan Gratis", "Pencegahan Stunting")),
            new Agency("disdikbud", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "dinas",
                    "Pendidikan dasar, PAUD, pelestarian budaya daerah.",
                    1.4, List.of("Lomba Literasi Pelajar", "Pelatihan Guru PAUD", "Festival Budaya Daerah")),
            new Agency("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", "dinas",
                    "Jalan, jembatan, irigasi, dan penataan ruang.",
                    1.0, List.of("Perbaikan Jalan Kabupaten", "Normalisasi Saluran Irigasi", "Pembangunan Jembatan Desa")),
            new Agency("dinsos", "Dinas Sosial", "Dinsos", "dinas",
                    "Perlindungan sosial, bantuan bagi warga rentan, dan pemberdayaan.",
                    2.2, List.of("Penyaluran Bantuan Sosial", "Pendataan Keluarga Penerima Manfaat", "Layanan Disabilitas")),
            new Agency("distan", "Dinas Pertanian dan Ketahanan Pangan", "Distan", "dinas",
                    "Penyuluhan pertanian, benih, dan ketahanan pangan daerah.",
                    1.6, List.of("Panen Raya Padi", "Penyuluhan Pupuk Organik", "Gerakan Pangan Murah")),
            new Agency("bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan",
                    "Perencanaan pembangunan daerah dan musyawarah perencanaan.",
                    0.8, List.of("Musrenbang Kecamatan", "Konsultasi Publik RKPD", "Forum Perangkat Daerah")),
            new Agency("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "badan",
                    "Manajemen aparatur sipil negara dan pengembangan kompetensi.",
                    1.2, List.of("Pelatihan Kepemimpinan ASN", "Sosialisasi Disiplin Pegawai", "Seleksi PPPK")),
            new Agency("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan",
                    "Kesiapsiagaan, tanggap darurat, dan rehabilitasi bencana.",
                    2.8, List.of("Simulasi Tanggap Bencana Banjir", "Pembentukan Desa Tangguh Bencana", "Patroli Siaga Karhutla")),
            new Agency("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas",
                    "Perizinan berusaha dan layanan investasi.",
                    0.5, List.of("Sosialisasi Perizinan Berusaha", "Klinik Investasi UMKM")),
            new Agency("kec-sukamaju", "Kecamatan Sukamaju", "Kecamatan Sukamaju", "kecamatan",
                    "Pemerintahan kecamatan, pelayanan administrasi terpadu, dan pembinaan desa.",
                    1.8, List.of("Gotong Royong Kebersihan", "Pelayanan Administrasi Terpadu", "Pembinaan Kader Posyandu")));

    private DemoAgencies() {
    }
}
