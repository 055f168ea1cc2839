package id.serambi.core.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import jakarta.inject.Singleton;

/**
 * Argon2id password hashes (OWASP's minimum: 19 MiB, 2 iterations, 1 lane), stored in the PHC string format,
 * so that parameters can be raised later without invalidating existing hashes.
 */
@Singleton
class PasswordHasher {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, 1, 32, Argon2.ID);
    // Verifying against this when the user does not exist keeps the answer's timing the same either way.
    private static final String DUMMY_HASH = Password.hash("serambi-dummy-password").addRandomSalt(16).with(ARGON2).getResult();

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    boolean matches(String password, String hash) {
        if (hash == null) {
            Password.check(password, DUMMY_HASH).with(ARGON2);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
