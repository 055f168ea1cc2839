package id.serambi.core.workflow;

import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.util.Map;

import org.jooq.DSLContext;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** A tenant's editorial procedure: one, two or three steps from writing to publication (seed 003). */
@Singleton
public class WorkflowSettings {
    private final DSLContext db;
    private final Access access;
    private final AuditService audit;

    WorkflowSettings(DSLContext db, Access access, AuditService audit) {
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    @ReadOnly
    public WorkflowSteps steps(Actor actor, String tenantSlug) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_TENANT, tenantSlug);
        return WorkflowSteps.of(db.select(TENANT.WORKFLOW_STEPS).from(TENANT).where(TENANT.ID.eq(tenant.value()))
                .fetchSingle().value1());
    }

    /**
     * Changes the number of steps. Posts already waiting keep their state; the new rules apply to their next
     * transition (a post approved under three steps can be published by an editor under two).
     */
    @Transactional
    public WorkflowSteps setSteps(Actor actor, String tenantSlug, String steps) {
        TenantId tenant = access.requireInTenant(actor, Action.SET_TENANT_WORKFLOW, tenantSlug);
        WorkflowSteps chosen = parse(steps);
        short before = db.select(TENANT.WORKFLOW_STEPS).from(TENANT).where(TENANT.ID.eq(tenant.value())).forUpdate()
                .fetchSingle().value1();
        db.update(TENANT).set(TENANT.WORKFLOW_STEPS, (short) chosen.count()).where(TENANT.ID.eq(tenant.value())).execute();
        audit.record(actor, tenant, "tenant.workflow_steps", "tenant", tenantSlug,
                Map.of("from", String.valueOf(before), "to", String.valueOf(chosen.count())));
        return chosen;
    }

    private static WorkflowSteps parse(String steps) {
        try {
            return WorkflowSteps.of(Integer.parseInt(steps == null ? "" : steps.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("workflowSteps", "validation.workflow.steps"));
        }
    }
}
