package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YouTubeLinksTest {
    @Test
    void the_usual_forms_of_a_link_give_the_video_id() {
        for (String link : new String[]{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ", "https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=10",
                "https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
                " http://www.youtube.com/live/dQw4w9WgXcQ "}) {
            assertThat(YouTubeLinks.videoId(link)).as(link).hasValue("dQw4w9WgXcQ");
        }
    }

    @Test
    void other_sites_schemes_and_malformed_ids_are_refused() {
        for (String link : new String[]{"https://evil.example/watch?v=dQw4w9WgXcQ", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
                "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=short",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>", "https://youtu.be/", "", "dQw4w9WgXcQ"}) {
            assertThat(YouTubeLinks.videoId(link)).as(link).isEmpty();
        }
    }
}
