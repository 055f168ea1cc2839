package id.serambi.admin.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import id.serambi.core.access.Action;

/**
 * The rulebook action an endpoint performs. Every console and API endpoint carries this, {@link OwnAccount} or
 * {@link PublicEndpoint}; the authorisation matrix test walks the route list and fails on an endpoint with
 * none, so a new endpoint cannot escape the matrix. The check itself happens in the feature's service
 * ({@code Access.require…}), where no caller can skip it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActionRule {
    Action value();
}
