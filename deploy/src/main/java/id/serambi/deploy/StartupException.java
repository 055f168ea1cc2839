package id.serambi.deploy;

/** A reason Serambi cannot start that the operator can fix: printed as one line, exit code 2. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }
}
