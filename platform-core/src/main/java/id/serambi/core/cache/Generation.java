package id.serambi.core.cache;

import java.time.OffsetDateTime;

/** One cache scope ('global' or 'tenant:<id>') at one generation, changed at a time (Last-Modified of its pages). */
public record Generation(String scope, long generation, OffsetDateTime changedAt) {
}
