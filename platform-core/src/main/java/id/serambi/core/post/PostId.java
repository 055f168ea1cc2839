package id.serambi.core.post;

public record PostId(long value) {
}
