package id.serambi.db;

/**
 * The embedded PostgreSQL could not be prepared, started, used or stopped. The first line of the message says what
 * went wrong in words an operator can act on; when PostgreSQL itself complained, the last lines of its log follow.
 */
public final class EmbeddedPostgresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
