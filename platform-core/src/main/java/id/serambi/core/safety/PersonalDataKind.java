package id.serambi.core.safety;

/** What kind of personal data a finding is. */
public enum PersonalDataKind {
    /** Nomor Induk Kependudukan: the national identity number on the KTP. */
    NIK,
    /** Nomor Kartu Keluarga: the family-card number. */
    KK,
    /** A valid 16-digit population number that could be either, with nothing around it saying which. */
    NIK_OR_KK,
    /** A personal (mobile) phone number. */
    PHONE,
    /** A personal e-mail address. */
    EMAIL;

    public String messageKey() {
        return "safety.personal_data." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
