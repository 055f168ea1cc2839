package id.serambi.core.designation;

/**
 * A designation as entered (raw values, validated by {@link DesignationService}): the person, their role, the
 * letter (number, date, signer and title), validity (dates as yyyy-mm-dd or dd/mm/yyyy) and how the activation
 * link is delivered ("email" or "print").
 */
public record NewDesignation(String displayName, String username, String email, String role,
                             String letterNumber, String letterDate, String signerName, String signerTitle,
                             String validFrom, String validUntil, String delivery) {
}
