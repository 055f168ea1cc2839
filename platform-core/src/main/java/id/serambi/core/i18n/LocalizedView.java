package id.serambi.core.i18n;

/** What every page model offers its template for text: the message lookup and the language switch. */
public interface LocalizedView {

    Messages messages();

    default String t(String key, Object... args) {
        return messages().get(key, args);
    }

    default String lang() {
        return messages().locale().getLanguage();
    }

    /** The language to offer in the switch: English on Indonesian pages, Indonesian on English ones. */
    default String otherLang() {
        return lang().equals("en") ? "id" : "en";
    }
}
