package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.SessionService;
import id.serambi.core.i18n.Messages;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Images and videos each have their own size limit, and a crafted file over it (real leading bytes of its
 * kind, then padding) is refused with a message that names its size, its kind and the limit, in Indonesian and
 * English. Limits are set small here (1 MB images, 2 MB videos) so the files stay small too.
 */
@MicronautTest(transactional = false)
class MediaSizeLimitsTest extends DatabaseTest {
    private static final int MB = 1024 * 1024;

    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject MediaService media;

    Actor admin;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("serambi.media.max-image-mb", "1");
        properties.put("serambi.media.max-video-mb", "2");
        properties.put("serambi.media.max-document-mb", "1");
        return properties;
    }

    @BeforeAll
    void anAgency() {
        Fixtures.tenantWithAdmin(tenants, "dlh", "Dinas Lingkungan Hidup");
        admin = Fixtures.signIn(accounts, sessions, "admin-dlh");
    }

    @Test
    void an_image_over_its_limit_is_refused_with_its_size_and_the_limit() {
        byte[] photo = SampleFiles.jpeg(64, 64, true);
        FieldError error = refused("foto-kegiatan.jpg", padded(photo, MB + 100 * 1024 - photo.length));
        assertThat(error.field()).isEqualTo("file");
        assertThat(text(error, Messages.INDONESIAN)).isEqualTo("Berkas terlalu besar (1,1 MB). Batas untuk gambar adalah 1 MB.");
        assertThat(text(error, Locale.ENGLISH)).isEqualTo("The file is too large (1,1 MB). The limit for images is 1 MB.");
        // The same picture within the limit is taken.
        assertThat(media.upload(admin, "dlh", "foto-kegiatan.jpg", new ByteArrayInputStream(photo), "Kerja bakti").kind())
                .isEqualTo(MediaKind.IMAGE);
    }

    @Test
    void a_video_over_its_limit_is_refused_although_an_image_of_that_size_would_only_be_too_large_for_images() {
        byte[] video = SampleFiles.mp4();
        FieldError error = refused("liputan.mp4", padded(video, 2 * MB + 1 - video.length));
        // Videos have the largest limit, so reading stops there and the size is said as "more than".
        assertThat(text(error, Messages.INDONESIAN)).isEqualTo("Berkas terlalu besar (> 2 MB). Batas untuk video adalah 2 MB.");
        // 1.5 MB: over the image limit, under the video limit.
        assertThat(media.upload(admin, "dlh", "singkat.mp4", stream(padded(video, 3 * MB / 2 - video.length)), null).kind())
                .isEqualTo(MediaKind.VIDEO);
    }

    @Test
    void a_file_larger_than_any_limit_is_not_read_to_its_end() {
        // 50 MB announced by a video's first bytes: the upload stops reading at the largest limit plus one byte.
        long[] read = {0};
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(SampleFiles.mp4()), new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return read[0] > 50L * MB ? -1 : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, 50L * MB - read[0]);
                if (n <= 0) {
                    return -1;
                }
                read[0] += n;
                return n;
            }
        });
        Throwable thrown = catchThrowable(() -> media.upload(admin, "dlh", "besar.mp4", endless, null));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        FieldError error = ((InvalidInputException) thrown).errors().get(0);
        assertThat(text(error, Messages.INDONESIAN)).isEqualTo("Berkas terlalu besar (> 2 MB). Batas untuk video adalah 2 MB.");
        assertThat(read[0]).as("bytes read past the first ones").isLessThanOrEqualTo(2L * MB + 1);
    }

    private FieldError refused(String name, byte[] bytes) {
        Throwable thrown = catchThrowable(() -> media.upload(admin, "dlh", name, stream(bytes), null));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        FieldError error = ((InvalidInputException) thrown).errors().get(0);
        assertThat(error.messageKey()).isEqualTo("media.refused.too_large");
        return error;
    }

    private static byte[] padded(byte[] head, int extra) {
        return SampleFiles.concat(head, new byte[extra]);
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static String text(FieldError error, Locale locale) {
        return Messages.of(locale).get(error.messageKey(), error.args().toArray());
    }
}
