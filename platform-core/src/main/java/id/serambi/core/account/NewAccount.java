package id.serambi.core.account;

/** What is entered to create an account: raw values, validated by {@link AccountService}. */
public record NewAccount(String username, String displayName, String email, String password) {
    @Override
    public String toString() {
        return "NewAccount[" + username + "]"; // never the password
    }
}
