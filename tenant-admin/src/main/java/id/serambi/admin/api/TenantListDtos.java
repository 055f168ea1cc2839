package id.serambi.admin.api;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.account.Role;
import id.serambi.core.team.TeamMember;
import id.serambi.core.tenant.TenantListPage;
import id.serambi.core.tenant.TenantProfile;
import id.serambi.core.tenant.TenantSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** JSON shapes of the tenants list, tenant profiles and teams (issue 3). */
final class TenantListDtos {
    private TenantListDtos() {
    }

    @Serdeable
    record Quota(int published, int minimum, boolean met) {
    }

    @Serdeable
    record TenantRow(long id, String slug, String name, String kind, String status, List<String> hosts,
                     List<String> admins, @Nullable OffsetDateTime lastPostAt, @Nullable Quota quota) {
        static TenantRow of(TenantSummary t) {
            return new TenantRow(t.id().value(), t.slug(), t.name(), t.kind().dbValue(), t.status().dbValue(), t.hosts(),
                    t.admins(), t.lastPostAt(),
                    t.quota() == null ? null : new Quota(t.quota().published(), t.quota().minimum(), t.quota().met()));
        }
    }

    @Serdeable
    record TenantPage(List<TenantRow> items, int page, int pageSize, int total, int totalPages, String week) {
        static TenantPage of(TenantListPage p) {
            return new TenantPage(p.rows().stream().map(TenantRow::of).toList(), p.query().page(), p.pageSize(),
                    p.total(), p.totalPages(), p.week().label());
        }
    }

    @Serdeable
    record ProfileView(long id, String slug, String name, String kind, @Nullable String description, String status,
                       @Nullable String contactAddress, @Nullable String contactPhone, @Nullable String contactEmail,
                       @Nullable String officeHours, int quotaMinPerWeek, String portalModeration,
                       boolean platformMayEdit, List<String> hosts, boolean hasLogo) {
        static ProfileView of(TenantProfile p) {
            var t = p.tenant();
            return new ProfileView(t.id().value(), t.slug(), t.name(), t.kind().dbValue(), t.description(),
                    t.status().dbValue(), p.contactAddress(), p.contactPhone(), p.contactEmail(), p.officeHours(),
                    t.quotaMinPerWeek(), p.portalModeration().dbValue(), p.platformMayEdit(), p.hosts(), p.hasLogo());
        }
    }

    /** A partial edit: fields left out keep their value. */
    @Serdeable
    record ProfileEdit(@Nullable String name, @Nullable String kind, @Nullable String description,
                       @Nullable String contactAddress, @Nullable String contactPhone, @Nullable String contactEmail,
                       @Nullable String officeHours, @Nullable Integer quotaMinPerWeek,
                       @Nullable String portalModeration, @Nullable Boolean platformMayEdit) {
    }

    @Serdeable
    record HostRequest(@Nullable String host) {
    }

    @Serdeable
    record Member(String username, String displayName, @Nullable String email, boolean active, List<String> roles,
                  @Nullable OffsetDateTime lastLoginAt) {
        static Member of(TeamMember m) {
            return new Member(m.username(), m.displayName(), m.email(), m.active(),
                    m.roles().stream().map(Role::dbValue).toList(), m.lastLoginAt());
        }
    }

    @Serdeable
    record RoleRequest(@Nullable String username, @Nullable String role) {
    }

    @Serdeable
    record RoleChange(@Nullable String from, @Nullable String to) {
    }

    @Serdeable
    record Disable(@Nullable String reason) {
    }

    @Serdeable
    record MyTenant(String slug, String name, List<String> roles) {
    }
}
