package id.serambi.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micronaut.context.annotation.Requires;

/**
 * Marks a bean of the console and API. It exists only in a node started with the "admin" role (environment),
 * so a portal node exposes none of it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Requires(env = AdminApp.ENVIRONMENT)
public @interface AdminApp {
    String ENVIRONMENT = "admin";
}
