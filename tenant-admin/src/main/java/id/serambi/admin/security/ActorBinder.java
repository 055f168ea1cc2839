package id.serambi.admin.security;

import java.util.Optional;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

/** Lets a controller method take the signed-in {@link Actor} as a parameter. */
@Singleton
@AdminApp
class ActorBinder implements TypedRequestArgumentBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        Optional<Actor> actor = SignedIn.actor(source);
        return () -> actor;
    }
}
