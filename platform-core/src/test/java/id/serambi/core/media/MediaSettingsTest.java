package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaSettingsTest {
    @Test
    void sizes_read_as_people_say_them_and_never_round_down_to_a_limit() {
        assertThat(MediaSettings.humanSize(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(MediaSettings.humanSize(1024L * 1024 + 10)).isEqualTo("1,1 MB");
        assertThat(MediaSettings.humanSize(1_500_000)).isEqualTo("1,5 MB");
        assertThat(MediaSettings.humanSize(2048)).isEqualTo("2 KB");
    }

    @Test
    void the_largest_kind_bounds_what_is_read_of_an_upload() {
        MediaSettings settings = new MediaSettings(10, 20, 100, 40);
        assertThat(settings.maxUploadBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(settings.maxBytes(MediaKind.IMAGE)).isEqualTo(10L * 1024 * 1024);
        assertThat(settings.maxPixels()).isEqualTo(40_000_000);
    }
}
