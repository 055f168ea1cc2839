package id.serambi.core.i18n;

/** A message argument that is itself a message key, translated when the message is rendered. */
public record MessageKey(String key) {
}
