package id.serambi.core.access;

import static id.serambi.core.account.Role.COMPLAINT_OFFICER;
import static id.serambi.core.account.Role.COMPLAINT_OFFICIAL;
import static id.serambi.core.account.Role.COORDINATOR;
import static id.serambi.core.account.Role.EDITOR;
import static id.serambi.core.account.Role.PLATFORM_ADMIN;
import static id.serambi.core.account.Role.PLATFORM_STAFF;
import static id.serambi.core.account.Role.TENANT_ADMIN;
import static id.serambi.core.account.Role.WRITER;

import java.util.EnumSet;
import java.util.Set;

import id.serambi.core.account.Role;

/**
 * The closed set of things a person can ask to do, and who may do each: the one rulebook every controller
 * names its action from. A platform action needs one of {@code platformRoles}; a tenant action needs one of
 * {@code tenantRoles} in that tenant, or one of {@code platformRoles} (Kominfo acting on any tenant).
 */
public enum Action {
    LIST_TENANTS(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.noneOf(Role.class)),
    CREATE_TENANT(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    CHANGE_TENANT_STATUS(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    SET_TENANT_SECURITY(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(TENANT_ADMIN)),
    SET_TENANT_WORKFLOW(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(TENANT_ADMIN)),
    VIEW_TENANT(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR),
            EnumSet.of(TENANT_ADMIN, EDITOR, WRITER, COMPLAINT_OFFICER, COMPLAINT_OFFICIAL)),
    READ_POSTS(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.of(TENANT_ADMIN, EDITOR, WRITER)),
    WRITE_POST(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR, WRITER)),
    PUBLISH_POST(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR)),
    /** Send back, approve, withdraw, archive, reopen, unschedule: the editors' judgement on a post. */
    REVIEW_POST(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR)),
    VIEW_AUDIT(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(TENANT_ADMIN)),
    // Provisioning, teams and platform users (issue 3).
    EDIT_TENANT(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    VIEW_TEAM(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.of(TENANT_ADMIN)),
    MANAGE_TEAM(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(TENANT_ADMIN)),
    VIEW_PLATFORM_USERS(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    MANAGE_PLATFORM_USERS(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    DISABLE_ACCOUNT(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    // Media library: the agency's own team uploads and describes; Kominfo may look; editors and admins delete.
    READ_MEDIA(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.of(TENANT_ADMIN, EDITOR, WRITER)),
    UPLOAD_MEDIA(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR, WRITER)),
    DELETE_MEDIA(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR)),
    /** Saving a post's content as a new revision (or restoring an old one); the post's state narrows a writer's right. */
    EDIT_POST(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR, WRITER)),
    /** Publishing although the personal-data scan found something, with a recorded reason. */
    OVERRIDE_PERSONAL_DATA_CHECK(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR)),
    // Designation by letter: Kominfo's admins for any agency, an agency's admin for their own team.
    DESIGNATE(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(TENANT_ADMIN)),
    VIEW_DESIGNATIONS(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.of(TENANT_ADMIN)),
    /** A review comment on a post that does not move it: the site's editorial team talking about a post. */
    COMMENT_ON_POST(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN, EDITOR, WRITER)),
    // Feeds of agencies' own websites (issue 4): the agency's admin and Kominfo's admins register them;
    // Kominfo's staff see every feed's state, to help agencies whose feed keeps failing.
    VIEW_FEEDS(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF), EnumSet.of(TENANT_ADMIN)),
    MANAGE_FEEDS(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(TENANT_ADMIN)),
    // Moderation by Kominfo (issue 5): approve for the portal, hide, take down, revise, delete, restore. Never a
    // coordinator's: they read everything and change no content.
    MODERATE_POST(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF), EnumSet.noneOf(Role.class)),
    /** The moderation queue (Kominfo) and a tenant's moderation history (Kominfo, and the agency's admin for its own). */
    VIEW_MODERATION(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF), EnumSet.of(TENANT_ADMIN)),
    // Coordinators (Bupati, Wakil Bupati, Sekda, Asisten) and Kominfo: the review stream of all agencies' news,
    // marks on posts (noted, commended, flagged), dispositions down the chain.
    READ_REVIEW_STREAM(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.noneOf(Role.class)),
    MARK_POST(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.noneOf(Role.class)),
    SEND_DISPOSITION(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.noneOf(Role.class)),
    VIEW_DISPOSITIONS(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.of(TENANT_ADMIN)),
    /** Acknowledge, answer and close a disposition: the agency's own admin. */
    ANSWER_DISPOSITION(EnumSet.noneOf(Role.class), EnumSet.of(TENANT_ADMIN)),
    /** Pinning a post of any agency to the district home's headlines, or unpinning it: Kominfo curates (issue 4). */
    PIN_ON_PORTAL(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF), EnumSet.noneOf(Role.class)),
    // Complaints (pengaduan, seed 004): the complainants' personal data stays with the complaint roles only.
    READ_COMPLAINTS(EnumSet.noneOf(Role.class), EnumSet.of(COMPLAINT_OFFICER, COMPLAINT_OFFICIAL)),
    /** Record a complaint that came by walk-in, WhatsApp, email or Facebook, in the same register. */
    INTAKE_COMPLAINT(EnumSet.noneOf(Role.class), EnumSet.of(COMPLAINT_OFFICER)),
    /** Verify, return as invalid, answer, escalate, deliver: the officer's steps. */
    HANDLE_COMPLAINT(EnumSet.noneOf(Role.class), EnumSet.of(COMPLAINT_OFFICER)),
    /** Answer a complaint the officer escalated: the responsible official (or the answer team). */
    ANSWER_ESCALATED_COMPLAINT(EnumSet.noneOf(Role.class), EnumSet.of(COMPLAINT_OFFICIAL)),
    NOTE_ON_COMPLAINT(EnumSet.noneOf(Role.class), EnumSet.of(COMPLAINT_OFFICER, COMPLAINT_OFFICIAL)),
    /** Switch the service on, its categories, time standards and retention. */
    SET_COMPLAINT_SERVICE(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(TENANT_ADMIN)),
    /** Counts and times without personal data: the agency, Kominfo and the coordinators. */
    VIEW_COMPLAINT_REPORT(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR),
            EnumSet.of(TENANT_ADMIN, COMPLAINT_OFFICER, COMPLAINT_OFFICIAL)),
    /** The district's office hours and holidays, which every complaint clock counts in. */
    MANAGE_OFFICE_CALENDAR(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    // The publishing quota and reports (issue 5): Kominfo and coordinators see the district, an agency's admins
    // and editors their own site; only Kominfo's admins grant exemptions.
    VIEW_QUOTA(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.of(TENANT_ADMIN, EDITOR)),
    MANAGE_QUOTA_EXEMPTIONS(EnumSet.of(PLATFORM_ADMIN), EnumSet.noneOf(Role.class)),
    VIEW_REPORTS(EnumSet.of(PLATFORM_ADMIN, PLATFORM_STAFF, COORDINATOR), EnumSet.of(TENANT_ADMIN));

    private final Set<Role> platformRoles;
    private final Set<Role> tenantRoles;

    Action(Set<Role> platformRoles, Set<Role> tenantRoles) {
        this.platformRoles = platformRoles;
        this.tenantRoles = tenantRoles;
    }

    public Set<Role> platformRoles() {
        return platformRoles;
    }

    public Set<Role> tenantRoles() {
        return tenantRoles;
    }

    /** Whether the action changes a tenant's content, which only an active tenant allows. */
    public boolean writesContent() {
        return this == WRITE_POST || this == EDIT_POST || this == PUBLISH_POST || this == REVIEW_POST || this == UPLOAD_MEDIA
                || this == DELETE_MEDIA || this == OVERRIDE_PERSONAL_DATA_CHECK || this == COMMENT_ON_POST;
    }

    public boolean isTenantAction() {
        return !tenantRoles.isEmpty();
    }
}
