package id.serambi.core.account;

public record UserId(long value) {
}
