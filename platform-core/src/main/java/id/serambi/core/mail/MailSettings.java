package id.serambi.core.mail;

import java.time.Duration;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Where mail goes: {@code serambi.mail.host}, {@code port}, {@code from}, optional {@code username} and
 * {@code password}, {@code starttls}; {@code enabled} switches the sender on (mail is queued either way), and
 * {@code interval} is how often it looks for due mail. Links in mail start with {@code serambi.console.base-url}.
 */
@Singleton
public class MailSettings {
    private final boolean enabled;
    private final String host;
    private final int port;
    private final String from;
    private final String username;
    private final String password;
    private final boolean startTls;
    private final Duration timeout;
    private final String consoleBaseUrl;

    MailSettings(@Value("${serambi.mail.enabled:false}") boolean enabled,
                 @Value("${serambi.mail.host:localhost}") String host,
                 @Value("${serambi.mail.port:25}") int port,
                 @Value("${serambi.mail.from:serambi@localhost}") String from,
                 @Nullable @Value("${serambi.mail.username:}") String username,
                 @Nullable @Value("${serambi.mail.password:}") String password,
                 @Value("${serambi.mail.starttls:false}") boolean startTls,
                 @Value("${serambi.mail.timeout:20s}") Duration timeout,
                 @Value("${serambi.console.base-url:http://localhost:8080}") String consoleBaseUrl) {
        this.enabled = enabled;
        this.host = host;
        this.port = port;
        this.from = from;
        this.username = username == null || username.isBlank() ? null : username;
        this.password = password;
        this.startTls = startTls;
        this.timeout = timeout;
        this.consoleBaseUrl = consoleBaseUrl.endsWith("/") ? consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1) : consoleBaseUrl;
    }

    public boolean enabled() {
        return enabled;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String from() {
        return from;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    boolean startTls() {
        return startTls;
    }

    Duration timeout() {
        return timeout;
    }

    /** The console's public address, e.g. https://konsol.contohkab.go.id, without a trailing slash. */
    public String consoleBaseUrl() {
        return consoleBaseUrl;
    }
}
