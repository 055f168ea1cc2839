package id.serambi.core.designation;

import id.serambi.core.account.ActivationLink;
import id.serambi.core.tenant.Tenant;

/** What a designation made: its id, the tenant, and the activation link (to print when not mailed). */
public record DesignationResult(long designationId, Tenant tenant, String displayName, String roleKey,
                                String letterNumber, ActivationLink link) {
}
