package id.serambi.core.tenant;

/** A logo image with the type its bytes showed. */
public record TenantLogo(String contentType, byte[] image) {
}
