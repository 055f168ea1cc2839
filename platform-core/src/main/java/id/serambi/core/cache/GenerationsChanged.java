package id.serambi.core.cache;

import java.util.List;

/**
 * Published inside this node after a bump has committed, so a portal cache in the same process sees its own
 * node's writes at once instead of waiting for the NOTIFY round trip; other nodes learn it through NOTIFY.
 */
public record GenerationsChanged(List<Generation> generations) {
}
