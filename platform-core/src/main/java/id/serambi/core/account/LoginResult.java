package id.serambi.core.account;

import java.time.Duration;

/** The answer to a sign-in attempt. A wrong name and a wrong password are the same answer. */
public sealed interface LoginResult {

    record SignedIn(Account account) implements LoginResult {
    }

    record Refused() implements LoginResult {
    }

    /** The password was right, but every site this person works for is suspended by Kominfo. */
    record Suspended() implements LoginResult {
    }

    /** Too many failures lately: the password was not even checked; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements LoginResult {
        /** Whole seconds to wait, at least one, for messages and the Retry-After header. */
        public long seconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
