package id.serambi.admin.api;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem detail, with the fields that were wrong and why, in the client's language. */
@Serdeable
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    @Serdeable
    public record FieldProblem(String field, String message) {
    }
}
