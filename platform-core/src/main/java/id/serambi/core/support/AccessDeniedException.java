package id.serambi.core.support;

/** The actor is known to the tenant but their role does not allow the action; the message key says why. */
public class AccessDeniedException extends RuntimeException {
    private final String messageKey;

    public AccessDeniedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
