package id.serambi.core.safety;

import java.util.List;

import id.serambi.core.tenant.TenantId;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Until the media library provides its own {@link PostAttachments}, posts have no attachments. */
@Singleton
@Secondary
class NoPostAttachments implements PostAttachments {
    @Override
    public List<Attachment> of(TenantId tenant, long postId) {
        return List.of();
    }
}
