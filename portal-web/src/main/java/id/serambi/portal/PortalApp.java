package id.serambi.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micronaut.context.annotation.Requires;

/** Marks a bean of the reader-facing portal; it exists only in a node started with the "portal" role. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Requires(env = PortalApp.ENVIRONMENT)
public @interface PortalApp {
    String ENVIRONMENT = "portal";
}
