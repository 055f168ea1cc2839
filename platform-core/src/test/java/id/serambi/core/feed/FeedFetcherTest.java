package id.serambi.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the production setting (private addresses refused), nothing inside our network is ever fetched. */
class FeedFetcherTest {
    final FeedFetcher fetcher = new FeedFetcher(new FeedSettings(false, Duration.ofSeconds(2), 1024 * 1024,
            Duration.ofMinutes(15), Duration.ofHours(24)));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://169.254.169.254/latest/meta-data/iam/", "http://10.0.0.1/rss",
            "http://192.168.0.1/", "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/", "http://localhost/"})
    void internal_addresses_are_refused_before_any_connection(String url) {
        assertThatThrownBy(() -> fetcher.fetch(url, null, null)).isInstanceOfSatisfying(FeedFailure.class,
                f -> assertThat(f.messageKey()).isEqualTo("feed.error.private_address"));
    }

    @Test
    void a_server_on_loopback_is_never_contacted_even_when_it_is_there() throws IOException {
        try (FeedServer server = new FeedServer()) {
            server.xml("/feed.rss", FeedDocuments.rss(""));
            assertThatThrownBy(() -> fetcher.fetch(server.url("/feed.rss"), null, null))
                    .isInstanceOfSatisfying(FeedFailure.class,
                            f -> assertThat(f.messageKey()).isEqualTo("feed.error.private_address"));
            assertThat(server.requests).isEmpty();
        }
    }
}
