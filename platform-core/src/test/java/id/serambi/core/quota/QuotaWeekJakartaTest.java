package id.serambi.core.quota;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The week boundaries in a portal on Asia/Jakarta time. */
@MicronautTest(transactional = false)
class QuotaWeekJakartaTest extends QuotaWeekBoundaries {
    @Override
    protected String zone() {
        return "Asia/Jakarta";
    }
}
