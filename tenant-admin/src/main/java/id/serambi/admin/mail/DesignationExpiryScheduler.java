package id.serambi.admin.mail;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.designation.DesignationService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Ends designations whose validity has passed, every {@code serambi.designations.expiry-check} (an hour by
 * default), on console nodes: the person loses the role and is signed out, as with a revocation.
 */
@Singleton
@AdminApp
class DesignationExpiryScheduler {
    private static final Actor SYSTEM = Actor.system("sistem");
    private final DesignationService designations;

    DesignationExpiryScheduler(DesignationService designations) {
        this.designations = designations;
    }

    @Scheduled(fixedDelay = "${serambi.designations.expiry-check:1h}", initialDelay = "${serambi.designations.expiry-check:1h}")
    void expire() {
        designations.expireEnded(SYSTEM);
    }
}
