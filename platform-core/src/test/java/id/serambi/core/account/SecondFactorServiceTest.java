package id.serambi.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class SecondFactorServiceTest extends DatabaseTest {
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject SecondFactorService secondFactor;
    @Inject id.serambi.core.tenant.TenantService tenants;
    @Inject TestClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.test-clock", "true");
    }

    @Test
    void kominfos_people_need_a_second_factor_and_an_agency_admin_does_not_until_enrolled() {
        UserId staff = Fixtures.platformUser(accounts, "staf.kominfo", Role.PLATFORM_STAFF);
        UserId coordinator = Fixtures.platformUser(accounts, "sekda", Role.COORDINATOR);
        Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Actor agencyAdmin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        assertThat(secondFactor.required(staff)).isTrue();
        assertThat(secondFactor.required(coordinator)).isTrue();
        assertThat(secondFactor.required(agencyAdmin.userId())).isFalse();

        enrol(agencyAdmin);
        assertThat(secondFactor.required(agencyAdmin.userId())).isTrue();
    }

    @Test
    void an_agency_can_require_two_step_sign_in_of_its_own_team() {
        Fixtures.tenantWithAdmin(tenants, "bpkad", "Badan Pengelolaan Keuangan");
        Actor admin = Fixtures.signIn(accounts, sessions, "admin-bpkad");
        assertThat(secondFactor.required(admin.userId())).isFalse();
        tenants.setRequireSecondFactor(admin, "bpkad", true);
        assertThat(secondFactor.required(admin.userId())).isTrue();
        tenants.setRequireSecondFactor(admin, "bpkad", false);
        assertThat(secondFactor.required(admin.userId())).isFalse();
    }

    @Test
    void enrolment_needs_a_right_code_and_gives_ten_recovery_codes() {
        Actor admin = actor("admin.kominfo", Role.PLATFORM_ADMIN);
        String secret = secondFactor.enrolmentSecret(admin);
        assertThat(secondFactor.enrolmentSecret(admin)).as("same secret on reload").isEqualTo(secret);
        assertThatThrownBy(() -> secondFactor.confirmEnrolment(admin, "000000")).isInstanceOf(InvalidInputException.class);
        assertThat(secondFactor.enrolled(admin.userId())).isFalse();

        List<String> recovery = secondFactor.confirmEnrolment(admin, Totp.code(secret, Totp.step(clock.instant())));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        assertThat(secondFactor.enrolled(admin.userId())).isTrue();
    }

    @Test
    void a_code_is_good_once_and_the_next_one_works_in_the_next_step() {
        Actor admin = actor("staf.dua", Role.PLATFORM_STAFF);
        String secret = enrol(admin);
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, Totp.step(clock.instant()));
        secondFactor.verify(admin, code);
        assertThatThrownBy(() -> secondFactor.verify(admin, code)).as("replayed")
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("validation.code.wrong"));
        clock.advance(Duration.ofSeconds(30));
        secondFactor.verify(admin, Totp.code(secret, Totp.step(clock.instant())));
    }

    @Test
    void a_recovery_code_stands_in_for_the_phone_exactly_once() {
        Actor admin = actor("staf.tiga", Role.PLATFORM_STAFF);
        String secret = secondFactor.enrolmentSecret(admin);
        List<String> recovery = secondFactor.confirmEnrolment(admin, Totp.code(secret, Totp.step(clock.instant())));
        secondFactor.verify(admin, recovery.get(3).toUpperCase());
        assertThatThrownBy(() -> secondFactor.verify(admin, recovery.get(3))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void guessing_codes_is_slowed_down_like_guessing_passwords() {
        Actor admin = actor("staf.empat", Role.PLATFORM_STAFF);
        enrol(admin);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            assertThatThrownBy(() -> secondFactor.verify(admin, "123456")).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> secondFactor.verify(admin, "123456"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("validation.code.throttled"));
    }

    private Actor actor(String username, Role role) {
        Fixtures.platformUser(accounts, username, role);
        return Fixtures.signIn(accounts, sessions, username);
    }

    private String enrol(Actor actor) {
        String secret = secondFactor.enrolmentSecret(actor);
        secondFactor.confirmEnrolment(actor, Totp.code(secret, Totp.step(clock.instant())));
        return secret;
    }
}
