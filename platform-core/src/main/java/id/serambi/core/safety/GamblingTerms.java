package id.serambi.core.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The maintained list of online-gambling spam vocabulary ({@code safety/gambling-terms.txt}, format described
 * at its top), loaded and normalised once.
 */
final class GamblingTerms {
    static final String RESOURCE = "/safety/gambling-terms.txt";

    enum Strength { STRONG, WEAK }

    /** A listed term: its words as written, and the same normalised. */
    record Term(String label, Strength strength, boolean part, List<String> words) {
        String compact() {
            return String.join("", words);
        }
    }

    record TermPattern(String label, Strength strength, Pattern regex) {
    }

    final List<Term> terms;
    final List<TermPattern> patterns;
    /** Normalised words that mark a link host as a gambling site. */
    final List<String> hostWords;

    private GamblingTerms(List<Term> terms, List<TermPattern> patterns, List<String> hostWords) {
        this.terms = List.copyOf(terms);
        this.patterns = List.copyOf(patterns);
        this.hostWords = List.copyOf(hostWords);
    }

    static GamblingTerms load() {
        try (InputStream in = GamblingTerms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GamblingTerms parse(List<String> lines) {
        List<Term> terms = new ArrayList<>();
        List<TermPattern> patterns = new ArrayList<>();
        List<String> hostWords = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] fields = entry.split("\\s+", 3);
            switch (fields[0]) {
                case "strong", "weak" -> {
                    if (fields.length < 3 || !(fields[1].equals("word") || fields[1].equals("part"))) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": expected <strength> word|part <term>");
                    }
                    terms.add(new Term(fields[2], strength(fields[0]), fields[1].equals("part"), SpamText.words(fields[2])));
                }
                case "host" -> hostWords.add(SpamText.normalise(entry.substring(4).strip()));
                case "pattern" -> {
                    String[] p = entry.split("\\s+", 3);
                    if (p.length < 3) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": expected pattern <strength> <regex>");
                    }
                    patterns.add(new TermPattern(p[2], strength(p[1]), Pattern.compile(p[2])));
                }
                default -> throw new IllegalStateException(RESOURCE + ":" + number + ": unknown entry " + fields[0]);
            }
        }
        return new GamblingTerms(terms, patterns, hostWords);
    }

    private static Strength strength(String word) {
        return switch (word) {
            case "strong" -> Strength.STRONG;
            case "weak" -> Strength.WEAK;
            default -> throw new IllegalStateException("unknown strength " + word);
        };
    }

    /** Listed terms and patterns found in already-normalised words, each once, strongest first. */
    List<Object> find(List<String> words) {
        List<Object> found = new ArrayList<>();
        String joined = String.join(" ", words);
        String stream = String.join("", words);
        for (Term term : terms) {
            if (matches(term, words, stream)) {
                found.add(term);
            }
        }
        for (TermPattern pattern : patterns) {
            if (pattern.regex().matcher(joined).find()) {
                found.add(pattern);
            }
        }
        return found;
    }

    private static boolean matches(Term term, List<String> words, String stream) {
        List<String> want = term.words();
        if (want.isEmpty()) {
            return false;
        }
        for (int i = 0; i + want.size() <= words.size(); i++) {
            if (words.subList(i, i + want.size()).equals(want)) {
                return true;
            }
        }
        if (want.size() == 1) {
            // One word: a spelled-out run ("t o g e l" → "togei") or, for "part" terms, a longer word ("togel4d").
            for (String word : words) {
                if (term.part() ? word.contains(want.get(0)) : word.equals(want.get(0))) {
                    return true;
                }
            }
            return false;
        }
        // A phrase: with the spaces taken out, "part" phrases may appear anywhere ("slotgacor88", "s l o t g a c o r").
        return term.part() && stream.contains(term.compact());
    }
}
