package id.serambi.core.support;

/**
 * The thing does not exist, or the asker may not know that it does: another tenant's post answers exactly
 * like a missing one, so that ids reveal nothing across tenants.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
