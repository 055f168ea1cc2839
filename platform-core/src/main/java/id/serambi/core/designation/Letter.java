package id.serambi.core.designation;

/** A scanned designation letter, for download. */
public record Letter(String fileName, byte[] content) {
}
