package id.serambi.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a fixed free loopback port, which a test can stop and start again to
 * play an outage. {@link #properties()} points Serambi's mail settings at it.
 */
public final class MailServer {
    private final int port = freePort();
    private GreenMail server;

    public MailServer start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return this;
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public boolean running() {
        return server != null;
    }

    public Map<String, String> properties() {
        return Map.of("serambi.mail.host", "127.0.0.1", "serambi.mail.port", String.valueOf(port),
                "serambi.mail.from", "serambi@contohkab.go.id", "serambi.mail.timeout", "3s",
                "serambi.console.base-url", "https://konsol.contohkab.go.id");
    }

    /** Waits (without sleeping blindly) until {@code count} messages have arrived; false on timeout. */
    public boolean await(int count, java.time.Duration timeout) {
        return server.waitForIncomingEmail(timeout.toMillis(), count);
    }

    public int port() {
        return port;
    }

    /** Every message received since this server was (re)started. */
    public List<MimeMessage> messages() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public List<MimeMessage> messagesTo(String recipient) {
        return messages().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the first link in the message whose path starts with {@code pathPrefix}. */
    public static String tokenIn(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile(Pattern.quote(pathPrefix) + "([A-Za-z0-9_-]+)").matcher(decoded(message));
        if (!m.find()) {
            throw new AssertionError("no link " + pathPrefix + " in: " + decoded(message));
        }
        return m.group(1);
    }

    /** The text of a message as its reader sees it. */
    public static String decoded(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : body(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
