package id.serambi.core.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Folds text the way a spammer's disguises unfold: the result is a list of words in which "S L O T",
 * "ｓｌｏｔ", "ѕ1оt" (Cyrillic ѕ and о, digit one), "s.l.o.t" and "s&#8203;lot" (a zero-width space) are all
 * the same word. Both the text and the listed terms go through here, so they meet in one alphabet.
 *
 * <ol>
 *   <li>NFKC: fullwidth and mathematical letters, ligatures and circled letters become plain ones;</li>
 *   <li>format characters (zero-width spaces and joiners, soft hyphens, direction marks) are dropped;</li>
 *   <li>NFD, then combining marks are dropped (accents, strike-through and underline overlays);</li>
 *   <li>lower case, then Cyrillic/Greek look-alikes to their Latin twin;</li>
 *   <li>leetspeak digits and symbols become letters only inside a word (s1ot, g4cor, sl0t), never in a
 *       number standing alone (so "2025" and "Rp 500" stay numbers);</li>
 *   <li>l, 1, i, !, | fold into one letter "i", since each passes for the other;</li>
 *   <li>punctuation inside a word is dropped (s.l.o.t, sl-ot), whitespace separates words, and a run of
 *       three or more one-letter words is read as one word (s l o t g a c o r).</li>
 * </ol>
 */
public final class SpamText {
    private static final Map<Character, Character> LOOK_ALIKES = lookAlikes();
    private static final Map<Character, Character> LEET = Map.of(
            '0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't',
            '@', 'a', '$', 's', '!', 'i', '|', 'i');

    private SpamText() {
    }

    /** The normalised words of {@code text}. */
    public static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = fold(text);
        List<String> raw = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(word, raw);
            }
            // any other character (punctuation, symbols) is dropped without splitting the word
        }
        flush(word, raw);
        return joinSpelledOut(raw);
    }

    /** The normalised words joined by single spaces: what patterns match against. */
    public static String normalise(String text) {
        return String.join(" ", words(text));
    }

    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder visible = new StringBuilder(s.length());
        s.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(visible::appendCodePoint);
        s = Normalizer.normalize(visible, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = LOOK_ALIKES.getOrDefault(s.charAt(i), s.charAt(i));
            Character leet = LEET.get(c);
            if (leet != null && insideWord(s, i)) {
                c = leet;
            }
            if (c == 'l') {
                c = 'i';
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A leet character counts as a letter when letters stand on both sides, or it starts a word of letters. */
    private static boolean insideWord(String s, int i) {
        boolean letterBefore = i > 0 && isLetterish(s.charAt(i - 1));
        boolean letterAfter = i + 1 < s.length() && isLetterish(s.charAt(i + 1));
        boolean wordStart = i == 0 || Character.isWhitespace(s.charAt(i - 1));
        return letterAfter && (letterBefore || wordStart);
    }

    private static boolean isLetterish(char c) {
        return Character.isLetter(c) || LEET.containsKey(c) && !Character.isDigit(c) && c != '!';
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static List<String> joinSpelledOut(List<String> raw) {
        List<String> words = new ArrayList<>(raw.size());
        int i = 0;
        while (i < raw.size()) {
            int j = i;
            while (j < raw.size() && raw.get(j).length() == 1) {
                j++;
            }
            if (j - i >= 3) {
                words.add(String.join("", raw.subList(i, j)));
                i = j;
            } else {
                words.add(raw.get(i));
                i++;
            }
        }
        return words;
    }

    private static Map<Character, Character> lookAlikes() {
        // Lower-case Cyrillic and Greek letters (and a few Latin oddities) that render like a Latin letter.
        String pairs = "аaбbвbеeёeіiїiјjкkмmнhоoпnрpсcтtуyхxѕsԁdһhԛqԝwӏiɡgґr"
                + "αaβbγyεeηnιiκkνvοoρpτtυuχxωwμuϲcϳj"
                + "ıiłiøođdſsɑaɩiꞁi";
        Map<Character, Character> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            map.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
        return Map.copyOf(map);
    }
}
