package id.serambi.admin.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import io.micronaut.http.HttpRequest;

/**
 * A fresh random nonce per rendered page. The Content-Security-Policy allows only scripts and styles from our
 * own origin plus inline elements that carry this page's nonce, so injected markup can never run even if it
 * slipped past escaping: it cannot know the nonce.
 */
public final class CspNonce {
    private static final String ATTRIBUTE = "serambi.csp-nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CspNonce() {
    }

    /** The nonce of this request, made on first use. */
    public static String issue(HttpRequest<?> request) {
        return of(request).orElseGet(() -> {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(ATTRIBUTE, nonce);
            return nonce;
        });
    }

    static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }
}
