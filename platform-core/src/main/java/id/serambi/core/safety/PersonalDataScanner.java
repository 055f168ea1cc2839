package id.serambi.core.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

/**
 * Finds Indonesian personal data in text a post is about to publish: NIK and KK numbers, personal phone
 * numbers and personal e-mail addresses.
 *
 * <p>A NIK is 16 digits: province (2), regency/city (2), district (2), date of birth DDMMYY with 40 added to
 * the day for women, and a serial 0001–9999. A KK number has the same region part, then the card's issue date
 * DDMMYY (never +40) and a serial. So a day of 41–71 can only be a NIK; a day of 01–31 fits both, and then
 * the words just before the number decide ("NIK", "KTP" → NIK; "KK", "NKK", "Kartu Keluarga" → KK); when
 * nothing does, the finding says {@link PersonalDataKind#NIK_OR_KK} rather than guess.
 *
 * <p>Numbers are recognised when written whole, or in groups split at the fields' own boundaries
 * ({@code 3201 1234 5678 9012}, {@code 32.01.12.450590.0001}) with one separator used throughout, and not when
 * they are a piece of a longer number written the same way. Phone numbers count only when they are mobile
 * numbers (08…, +62 8…, 62 8…): an office landline is public information. E-mail addresses on government
 * domains ({@code .go.id}) are institutional and public by law (UU KIP), so only other addresses count.
 */
@Singleton
public class PersonalDataScanner {
    /** Province codes in use (Kemendagri), including the four Papua provinces of 2022 (93–96). */
    private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34,
            35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96);
    /** Where a NIK/KK may be split into groups: between its fields, or every four digits. */
    private static final Set<Integer> GROUP_BOUNDARIES = Set.of(2, 4, 6, 8, 10, 12);
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\w+])(?:\\(?\\+?62\\)?[ .\\-]?|0)8[1-9](?:[ .\\-]?\\d){7,10}(?![ .\\-]?\\d)");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]*@((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,})");
    private static final Pattern NIK_WORDS = Pattern.compile(
            "(?iu)\\b(nik|ktp|e-?ktp|ktp-?el|nomor induk kependudukan)\\b");
    private static final Pattern KK_WORDS = Pattern.compile("(?iu)\\b(kk|nkk|no\\.?\\s*kk|kartu keluarga)\\b");
    private static final int CONTEXT_BEFORE = 40;

    /** Findings in a plain-text field (title, summary, extracted PDF text), in order of position. */
    public List<PersonalDataFinding> scanText(String field, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<PersonalDataFinding> findings = new ArrayList<>();
        findPopulationNumbers(field, text, findings);
        findMobileNumbers(field, text, findings);
        findEmails(field, text, findings);
        findings.sort(Comparator.comparingInt(PersonalDataFinding::start));
        return List.copyOf(findings);
    }

    /** Findings in an HTML field; positions are in {@link HtmlText#of} of it. */
    public List<PersonalDataFinding> scanHtml(String field, String html) {
        return scanText(field, HtmlText.of(html));
    }

    private record Group(int start, int end) {
        int length() {
            return end - start;
        }
    }

    private void findPopulationNumbers(String field, String text, List<PersonalDataFinding> findings) {
        // Digit groups, chained while one separator character (space, no-break space, dot, dash) joins them.
        List<Group> groups = new ArrayList<>();
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            groups.add(new Group(m.start(), m.end()));
        }
        for (int i = 0; i < groups.size(); i++) {
            int digits = 0;
            char separator = 0;
            for (int j = i; j < groups.size(); j++) {
                if (j > i) {
                    char between = separatorBetween(text, groups.get(j - 1), groups.get(j));
                    if (between == 0 || (separator != 0 && between != separator)) {
                        break;
                    }
                    separator = between;
                    if (!GROUP_BOUNDARIES.contains(digits)) {
                        break;
                    }
                }
                digits += groups.get(j).length();
                if (digits > 16) {
                    break;
                }
                if (digits == 16 && standsAlone(text, groups, i, j, separator)) {
                    StringBuilder number = new StringBuilder(16);
                    for (int k = i; k <= j; k++) {
                        number.append(text, groups.get(k).start(), groups.get(k).end());
                    }
                    PersonalDataKind kind = classify(number.toString(), text, groups.get(i).start());
                    if (kind != null) {
                        findings.add(new PersonalDataFinding(kind, field, mask(number.toString(), 4, 2),
                                groups.get(i).start(), groups.get(j).end()));
                        i = j;
                    }
                    break;
                }
            }
        }
    }

    /** The single separator character between two digit groups, or 0 when they are not joined by one. */
    private static char separatorBetween(String text, Group left, Group right) {
        if (right.start() - left.end() != 1) {
            return 0;
        }
        char c = text.charAt(left.end());
        return switch (c) {
            case ' ', '\u00A0' -> ' ';
            case '.', '-' -> c;
            default -> 0;
        };
    }

    /** A grouped number is not a NIK when the groups around it continue it with the same separator. */
    private static boolean standsAlone(String text, List<Group> groups, int first, int last, char separator) {
        if (first == last) {
            return true; // 16 digits in one run: a longer run would have been one longer group.
        }
        boolean continuesLeft = first > 0 && separatorBetween(text, groups.get(first - 1), groups.get(first)) == separator;
        boolean continuesRight = last + 1 < groups.size()
                && separatorBetween(text, groups.get(last), groups.get(last + 1)) == separator;
        return !continuesLeft && !continuesRight;
    }

    /** NIK, KK or ambiguous for a valid number; null when the digits cannot be either. */
    static PersonalDataKind classify(String digits, String text, int start) {
        int province = Integer.parseInt(digits.substring(0, 2));
        int regency = Integer.parseInt(digits.substring(2, 4));
        int district = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        int month = Integer.parseInt(digits.substring(8, 10));
        int year = Integer.parseInt(digits.substring(10, 12));
        int serial = Integer.parseInt(digits.substring(12, 16));
        if (!PROVINCES.contains(province) || regency == 0 || district == 0 || serial == 0) {
            return null;
        }
        if (day > 40 && validDate(day - 40, month, year)) {
            return PersonalDataKind.NIK; // a woman's NIK: no family card carries a day above 31
        }
        if (!validDate(day, month, year)) {
            return null;
        }
        String before = text.substring(Math.max(0, start - CONTEXT_BEFORE), start);
        int nikAt = lastMatch(NIK_WORDS, before);
        int kkAt = lastMatch(KK_WORDS, before);
        if (nikAt < 0 && kkAt < 0) {
            return PersonalDataKind.NIK_OR_KK;
        }
        return nikAt > kkAt ? PersonalDataKind.NIK : PersonalDataKind.KK;
    }

    private static boolean validDate(int day, int month, int yearOfCentury) {
        if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) {
            return false;
        }
        return month != 2 || day != 29 || yearOfCentury % 4 == 0;
    }

    private static int lastMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        return at;
    }

    private void findMobileNumbers(String field, String text, List<PersonalDataFinding> findings) {
        Matcher m = MOBILE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            String national = digits.startsWith("62") ? "0" + digits.substring(2) : digits;
            if (national.length() >= 10 && national.length() <= 13 && !overlaps(findings, m.start(), m.end())) {
                findings.add(new PersonalDataFinding(PersonalDataKind.PHONE, field, mask(national, 4, 2),
                        m.start(), m.end()));
            }
        }
    }

    private void findEmails(String field, String text, List<PersonalDataFinding> findings) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String domain = m.group(1).toLowerCase(Locale.ROOT);
            if (domain.endsWith(".go.id")) {
                continue; // an office's address is public information
            }
            String address = m.group();
            String local = address.substring(0, address.indexOf('@'));
            findings.add(new PersonalDataFinding(PersonalDataKind.EMAIL, field,
                    local.charAt(0) + "***@" + domain, m.start(), m.end()));
        }
    }

    private static boolean overlaps(List<PersonalDataFinding> findings, int start, int end) {
        return findings.stream().anyMatch(f -> f.start() < end && start < f.end());
    }

    static String mask(String value, int keepStart, int keepEnd) {
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }
}
