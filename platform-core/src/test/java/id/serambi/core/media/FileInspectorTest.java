package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.serambi.core.support.InvalidInputException;

/** Every accepted type, and every refusal with a crafted file: the bytes decide, never the name. */
class FileInspectorTest {
    @TempDir
    Path dir;

    @Test
    void images_documents_and_video_are_recognised_from_their_bytes() throws IOException {
        assertThat(inspect("foto.JPG", SampleFiles.jpeg(40, 30, false))).isEqualTo(FileType.JPEG);
        assertThat(inspect("peta.png", SampleFiles.png(40, 30, true))).isEqualTo(FileType.PNG);
        assertThat(inspect("ikon.gif", SampleFiles.gif(10, 10))).isEqualTo(FileType.GIF);
        assertThat(inspect("foto.webp", SampleFiles.WEBP)).isEqualTo(FileType.WEBP);
        assertThat(inspect("laporan.pdf", SampleFiles.plainPdf())).isEqualTo(FileType.PDF);
        assertThat(inspect("surat.docx", SampleFiles.docx())).isEqualTo(FileType.DOCX);
        assertThat(inspect("anggaran.xlsx", SampleFiles.xlsx())).isEqualTo(FileType.XLSX);
        assertThat(inspect("notulen.odt", SampleFiles.odt())).isEqualTo(FileType.ODT);
        assertThat(inspect("lama.doc", SampleFiles.legacyDoc())).isEqualTo(FileType.OLE_OFFICE);
        assertThat(inspect("lama.xls", SampleFiles.legacyDoc())).isEqualTo(FileType.OLE_OFFICE);
        assertThat(inspect("kegiatan.mp4", SampleFiles.mp4())).isEqualTo(FileType.MP4);
    }

    @Test
    void a_name_that_lies_about_the_content_is_refused_and_says_what_the_content_is() {
        assertRefused("foto.jpg", SampleFiles.png(10, 10, false), "media.refused.mismatch");
        assertRefused("laporan.docx", SampleFiles.plainPdf(), "media.refused.mismatch");
        assertRefused("video.mp4", SampleFiles.jpeg(10, 10, false), "media.refused.mismatch");
        assertRefused("foto", SampleFiles.jpeg(10, 10, false), "media.refused.no_extension");
        InvalidInputException e = refusal("foto.jpg", SampleFiles.png(10, 10, false));
        assertThat(e.errors().get(0).args()).containsExactly("PNG", "jpg");
    }

    @Test
    void svg_is_refused_whatever_it_is_called() {
        assertRefused("logo.svg", SampleFiles.svg(), "media.refused.svg");
        assertRefused("logo.png", SampleFiles.svg(), "media.refused.svg");
    }

    @Test
    void html_is_refused_even_behind_a_byte_order_mark_and_an_image_name() {
        assertRefused("pengumuman.html", SampleFiles.html(), "media.refused.html");
        assertRefused("foto.jpg", SampleFiles.html(), "media.refused.html");
    }

    @Test
    void programs_and_scripts_are_refused() {
        assertRefused("setup.exe", SampleFiles.windowsExe(), "media.refused.executable");
        assertRefused("foto.jpg", SampleFiles.windowsExe(), "media.refused.executable");
        assertRefused("aplikasi.pdf", SampleFiles.elf(), "media.refused.executable");
        assertRefused("pasang.sh", SampleFiles.shellScript(), "media.refused.executable");
    }

    @Test
    void archives_that_are_not_office_documents_are_refused() {
        assertRefused("berkas.zip", SampleFiles.plainZip(), "media.refused.archive");
        assertRefused("surat.docx", SampleFiles.plainZip(), "media.refused.archive");
        assertRefused("berkas.rar", SampleFiles.rar(), "media.refused.archive");
        assertRefused("surat.docx", SampleFiles.docmWithMacro(), "media.refused.macro");
        assertRefused("surat.doc", SampleFiles.legacyDocWithMacro(), "media.refused.macro");
        assertRefused("notulen.odt", SampleFiles.odtWithBasicMacro(), "media.refused.macro");
    }

    @Test
    void polyglots_that_are_an_image_and_something_else_are_refused() {
        assertRefused("animasi.gif", SampleFiles.gifWithScript(), "media.refused.polyglot");
        assertRefused("foto.jpg", SampleFiles.jpegWithHtmlComment(), "media.refused.polyglot");
        assertRefused("ikon.png", SampleFiles.concat(SampleFiles.png(8, 8, false),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes()), "media.refused.polyglot");
        InvalidInputException zip = refusal("foto.jpg", SampleFiles.jpegWithZipAppended());
        assertThat(zip.errors().get(0).messageKey()).isEqualTo("media.refused.polyglot");
        assertThat(zip.errors().get(0).args()).containsExactly("JPEG", "ZIP");
    }

    @Test
    void a_pdf_with_script_launch_or_hidden_script_is_refused() {
        assertRefused("surat.pdf", SampleFiles.pdfWithOpenActionJavaScript(), "media.refused.pdf_active");
        assertRefused("surat.pdf", SampleFiles.pdfWithEscapedJavaScriptName(), "media.refused.pdf_active");
        assertRefused("surat.pdf", SampleFiles.pdfWithLaunchAction(), "media.refused.pdf_active");
        assertRefused("surat.pdf", SampleFiles.pdfWithJavaScriptInCompressedStream(), "media.refused.pdf_active");
        assertThat(refusal("surat.pdf", SampleFiles.pdfWithLaunchAction()).errors().get(0).args()).containsExactly("/Launch");
    }

    @Test
    void other_video_formats_empty_and_unknown_files_are_refused() {
        assertRefused("video.mp4", SampleFiles.quickTimeMov(), "media.refused.video_format");
        assertRefused("kosong.pdf", new byte[0], "media.refused.empty");
        assertRefused("catatan.txt", "catatan rapat biasa".getBytes(), "media.refused.unknown");
    }

    private FileType inspect(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("upload-" + System.nanoTime()), bytes);
        return FileInspector.inspect(name, file);
    }

    private InvalidInputException refusal(String name, byte[] bytes) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> inspect(name, bytes));
        assertThat(thrown).as(name).isInstanceOf(InvalidInputException.class);
        InvalidInputException e = (InvalidInputException) thrown;
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.field()).isEqualTo("file"));
        return e;
    }

    private void assertRefused(String name, byte[] bytes, String key) {
        assertThat(refusal(name, bytes).errors().get(0).messageKey()).as(name).isEqualTo(key);
    }
}
