package id.serambi.core.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The citizen's tracking code and the form token it comes from. The portal hands each complaint form a random
 * token (32 bytes from a secure random); the tracking code is derived from it, so a retried submission (same
 * token) gets the same code and the same complaint, while the database keeps only hashes of both: nobody who
 * reads the table can track a complaint. Codes use an alphabet without look-alikes (no 0/O, 1/I/L).
 */
public final class TrackingCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    /** A fresh form token: 256 bits, URL-safe. */
    public static String newFormToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The tracking code of the complaint made with this form token (12 symbols, ~59 bits). */
    public static String codeFor(String formToken) {
        byte[] digest = sha256("tracking:" + formToken);
        StringBuilder code = new StringBuilder(LENGTH);
        java.math.BigInteger n = new java.math.BigInteger(1, digest);
        java.math.BigInteger base = java.math.BigInteger.valueOf(ALPHABET.length());
        for (int i = 0; i < LENGTH; i++) {
            java.math.BigInteger[] qr = n.divideAndRemainder(base);
            code.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return code.toString();
    }

    /** How the code is stored and compared: tolerant of spaces, dashes and lower case as people type it. */
    public static String hashOfCode(String code) {
        String normal = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return HexFormat.of().formatHex(sha256("code:" + normal));
    }

    public static String hashOfFormToken(String formToken) {
        return HexFormat.of().formatHex(sha256("form:" + formToken));
    }

    /** A code printed in groups of four, easier to read out over the phone. */
    public static String grouped(String code) {
        return code.replaceAll("(.{4})(?!$)", "$1-");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
