package id.serambi.core.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.Validator;

/**
 * What a password must be: 12 to 128 characters, not on the shipped list of passwords attackers try first,
 * and not built from the user name or the agency's name or slug (the first things a guesser tries).
 */
final class PasswordPolicy {
    static final int MIN = 12;
    static final int MAX = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * Adds the password's problem, if any, to the validator.
     *
     * @param context names the password must not contain, e.g. the agency's slug and name
     */
    static void check(String field, String password, String username, List<String> context, Validator validator) {
        if (password == null || password.length() < MIN) {
            validator.add(FieldError.of(field, "validation.password.too_short", MIN));
            return;
        }
        if (password.length() > MAX) {
            validator.add(FieldError.of(field, "validation.password.too_long", MAX));
            return;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            validator.add(FieldError.of(field, "validation.password.common"));
        } else if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            validator.add(FieldError.of(field, "validation.password.contains_username"));
        } else if (context.stream().flatMap(PasswordPolicy::fragments).anyMatch(lower::contains)) {
            validator.add(FieldError.of(field, "validation.password.contains_agency"));
        }
    }

    // "Dinas Kependudukan" → "dinaskependudukan", "kependudukan": the whole name and its long words.
    private static java.util.stream.Stream<String> fragments(String name) {
        if (name == null || name.isBlank()) {
            return java.util.stream.Stream.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String joined = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(joined),
                        java.util.Arrays.stream(lower.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 6))
                .filter(f -> f.length() >= 4);
    }

    private static Set<String> load() {
        try (var in = PasswordPolicy.class.getClassLoader().getResourceAsStream("security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
