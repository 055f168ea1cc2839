package id.serambi.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Images survive the body sanitiser only when they show the platform's own media library. */
class HtmlSanitizerImageTest {
    private static final String ID = "0b5c2f3e-1a2b-4c3d-8e9f-001122334455";
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void an_image_of_the_media_library_is_kept_with_its_alt_text_and_size() {
        String html = "<p><img src=\"/dinkes/media/" + ID + "/full\" alt=\"Vaksinasi di puskesmas\" width=\"1280\""
                + " height=\"720\" loading=\"lazy\"></p>";
        assertThat(sanitizer.clean(html)).isEqualTo("<p><img src=\"/dinkes/media/" + ID
                + "/full\" alt=\"Vaksinasi di puskesmas\" width=\"1280\" height=\"720\" loading=\"lazy\" /></p>");
    }

    @Test
    void the_agency_host_address_is_kept_too() {
        assertThat(sanitizer.clean("<img src=\"/media/" + ID + "/640\" alt=\"x\">"))
                .isEqualTo("<img src=\"/media/" + ID + "/640\" alt=\"x\" />");
    }

    @Test
    void external_data_and_script_sources_drop_the_whole_image() {
        for (String src : new String[] {"https://evil.example/x.png", "//evil.example/media/" + ID + "/full",
                "data:image/png;base64,iVBORw0KGgo=", "javascript:alert(1)", "/dinkes/media/" + ID + "/full?x=1",
                "https://evil.example/dinkes/media/" + ID + "/full", "/dinkes/media/not-an-id/full",
                "/dinkes/../media/" + ID + "/full", "java&#115;cript:alert(1)"}) {
            assertThat(sanitizer.clean("<p>a<img src=\"" + src + "\" alt=\"x\" width=\"10\">b</p>"))
                    .as(src).isEqualTo("<p>ab</p>");
        }
        assertThat(sanitizer.clean("<img alt=\"no source\">")).isEmpty();
    }

    @Test
    void other_attributes_are_dropped() {
        assertThat(sanitizer.clean("<img src=\"/media/" + ID + "/full\" alt=\"x\" onerror=\"alert(1)\" style=\"x\""
                + " class=\"c\" width=\"100%\" loading=\"auto\" title=\"t\">"))
                .isEqualTo("<img src=\"/media/" + ID + "/full\" alt=\"x\" />");
    }

    @Test
    void srcset_keeps_only_candidates_of_the_media_library() {
        String srcset = "/dinkes/media/" + ID + "/640 640w, https://evil.example/a.png 1280w,"
                + " data:image/png;base64,AAAA 2x, /dinkes/media/" + ID + "/1280 1280w, javascript:alert(1)";
        assertThat(sanitizer.clean("<img src=\"/dinkes/media/" + ID + "/full\" srcset=\"" + srcset + "\" alt=\"x\">"))
                .isEqualTo("<img src=\"/dinkes/media/" + ID + "/full\" srcset=\"/dinkes/media/" + ID
                        + "/640 640w, /dinkes/media/" + ID + "/1280 1280w\" alt=\"x\" />");
        assertThat(sanitizer.clean("<img src=\"/media/" + ID + "/full\" srcset=\"https://evil.example/a.png 2x\" alt=\"x\">"))
                .isEqualTo("<img src=\"/media/" + ID + "/full\" alt=\"x\" />");
    }
}
