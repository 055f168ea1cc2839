package id.serambi.core.portal;

import java.time.YearMonth;

/** A month of the archive and how many posts it holds. */
public record ArchiveMonth(YearMonth month, int count) {
}
