package id.serambi.core.account;

/** A person to be given an account without a password: they choose one through their activation link. */
public record NewPerson(String username, String displayName, String email) {
}
