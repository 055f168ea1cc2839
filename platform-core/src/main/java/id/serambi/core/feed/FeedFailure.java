package id.serambi.core.feed;

/**
 * Why a feed could not be read, as a message key of the core bundle ({@code feed.error.*}) with arguments:
 * the poller stores its Indonesian text as the feed's last error, and registration shows it as a 400.
 */
public class FeedFailure extends Exception {
    private final String messageKey;
    private final transient Object[] args;

    public FeedFailure(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
