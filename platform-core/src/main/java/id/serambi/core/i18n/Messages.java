package id.serambi.core.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * UI text from message bundles: Bahasa Indonesia is the base bundle, English the second locale. Each app
 * looks up its own bundle first, then the core bundle (validation and domain messages).
 */
public final class Messages {

    public static final Locale INDONESIAN = Locale.of("id");
    public static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);
    public static final String CORE_BUNDLE = "i18n.core";

    // No fallback to the JVM's default locale: a server running in en_US still speaks Indonesian by default.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Messages(Locale locale, List<ResourceBundle> bundles) {
        this.locale = locale;
        this.bundles = bundles;
    }

    /** Messages for the locale, looking in the given bundles in order and last in the core bundle. */
    public static Messages of(Locale locale, String... bundleNames) {
        Locale supported = supported(locale);
        List<String> names = new java.util.ArrayList<>(List.of(bundleNames));
        names.add(CORE_BUNDLE);
        List<ResourceBundle> bundles = names.stream()
                .map(name -> ResourceBundle.getBundle(name, supported, Messages.class.getClassLoader(), CONTROL))
                .toList();
        return new Messages(supported, bundles);
    }

    /** Where a reader's choice of language is remembered (set by {@code ?lang=en} or {@code ?lang=id}). */
    public static final String LANG_COOKIE = "serambi_lang";

    /**
     * The reader's language: an explicit {@code ?lang=} first, then the remembered choice, else Indonesian.
     * The browser's Accept-Language is not used: Indonesian is the default for everyone.
     */
    public static Locale chosen(Optional<String> langParameter, Optional<String> langCookie) {
        return supported(Locale.forLanguageTag(langParameter.or(() -> langCookie).orElse("id")));
    }

    /** The supported locale nearest to the one asked for; Indonesian for anything unknown. */
    public static Locale supported(Locale asked) {
        if (asked != null && asked.getLanguage().equals("en")) {
            return Locale.ENGLISH;
        }
        return INDONESIAN;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code args} filled in; the key itself where the bundles lack it. */
    public String get(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            try {
                String pattern = bundle.getString(key);
                if (args.length == 0) {
                    return pattern;
                }
                Object[] resolved = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    resolved[i] = args[i] instanceof MessageKey nested ? get(nested.key()) : args[i];
                }
                return new MessageFormat(pattern, locale).format(resolved);
            } catch (MissingResourceException e) {
                // look in the next bundle
            }
        }
        return key;
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }
}
