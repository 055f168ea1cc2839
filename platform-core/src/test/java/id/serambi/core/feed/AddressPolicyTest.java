package id.serambi.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.10",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "198.18.0.1", "192.0.2.1",
            "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:169.254.169.254", "::ffff:10.0.0.1", "2002:a00:1::", "64:ff9b::a9fe:a9fe", "2001:db8::1",
            "2001:0:4136:e378::1"})
    void internal_and_special_addresses_are_refused(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "103.10.20.30", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.1.1", "192.169.0.1", "2001:4860:4860::8888", "2400:cb00::1",
            "::ffff:8.8.8.8"})
    void ordinary_public_addresses_pass(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/rss",
            "https://localhost/feed", "http://[::1]/feed", "http://0.0.0.0:8080/"})
    void a_url_on_an_internal_host_is_refused_unless_allowed(String url) throws Exception {
        assertThatThrownBy(() -> AddressPolicy.check(new URI(url), false))
                .isInstanceOfSatisfying(FeedFailure.class,
                        f -> assertThat(f.messageKey()).isEqualTo("feed.error.private_address"));
        assertThat(AddressPolicy.check(new URI(url), true)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/feed", "file:///etc/passwd", "gopher://127.0.0.1/", "jar:file:/x!/y"})
    void only_http_and_https_are_fetched(String url) throws Exception {
        assertThatThrownBy(() -> AddressPolicy.check(new URI(url), true))
                .isInstanceOfSatisfying(FeedFailure.class, f -> assertThat(f.messageKey()).isEqualTo("feed.error.scheme"));
    }

    @org.junit.jupiter.api.Test
    void user_info_in_the_address_is_refused() throws Exception {
        assertThatThrownBy(() -> AddressPolicy.check(new URI("http://user:pw@127.0.0.1/feed"), true))
                .isInstanceOfSatisfying(FeedFailure.class, f -> assertThat(f.messageKey()).isEqualTo("feed.error.address"));
    }
}
