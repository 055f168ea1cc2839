package id.serambi.core.quota;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The week boundaries in a portal on Asia/Makassar time. */
@MicronautTest(transactional = false)
class QuotaWeekMakassarTest extends QuotaWeekBoundaries {
    @Override
    protected String zone() {
        return "Asia/Makassar";
    }
}
