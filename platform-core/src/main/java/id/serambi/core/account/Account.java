package id.serambi.core.account;

public record Account(UserId id, String username, String displayName, String email, boolean active) {
}
