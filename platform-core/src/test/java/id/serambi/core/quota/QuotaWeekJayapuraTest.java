package id.serambi.core.quota;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The week boundaries in a portal on Asia/Jayapura time. */
@MicronautTest(transactional = false)
class QuotaWeekJayapuraTest extends QuotaWeekBoundaries {
    @Override
    protected String zone() {
        return "Asia/Jayapura";
    }
}
