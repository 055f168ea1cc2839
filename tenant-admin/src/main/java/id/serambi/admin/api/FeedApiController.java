package id.serambi.admin.api;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.feed.ExternalFeed;
import id.serambi.core.feed.FeedService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The RSS/Atom feeds of agencies' own websites, which Serambi reads every 15 minutes and publishes as news.
 * An agency's admin (or Kominfo's) registers and manages them; Kominfo's staff see every agency's feeds.
 */
@Controller("/api/v1")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class FeedApiController {
    private final FeedService feeds;

    FeedApiController(FeedService feeds) {
        this.feeds = feeds;
    }

    @Serdeable
    record FeedRequest(@Nullable String url) {
    }

    @Serdeable
    record FeedChange(@Nullable Boolean enabled) {
    }

    /** A feed and how reading it goes; {@code lastError} says in Indonesian why the last read failed. */
    @Serdeable
    record FeedView(long id, String tenant, String url, boolean enabled, @Nullable OffsetDateTime lastPolledAt,
                    @Nullable OffsetDateTime lastSuccessAt, OffsetDateTime nextPollAt, int consecutiveFailures,
                    @Nullable String lastError, OffsetDateTime createdAt) {
        static FeedView of(ExternalFeed f) {
            return new FeedView(f.id(), f.tenantSlug(), f.url(), f.enabled(), f.lastPolledAt(), f.lastSuccessAt(),
                    f.nextPollAt(), f.consecutiveFailures(), f.lastError(), f.createdAt());
        }
    }

    /** The tenant's feeds. */
    @ActionRule(Action.VIEW_FEEDS)
    @Get("/tenants/{slug}/feeds")
    List<FeedView> list(Actor actor, String slug) {
        return feeds.feeds(actor, slug).stream().map(FeedView::of).toList();
    }

    /** Registers a feed address (http or https, a public host); the first read follows within a minute. */
    @ActionRule(Action.MANAGE_FEEDS)
    @Post("/tenants/{slug}/feeds")
    HttpResponse<FeedView> register(Actor actor, String slug, @Body FeedRequest body) {
        return HttpResponse.created(FeedView.of(feeds.register(actor, slug, body.url())));
    }

    /** Switches a feed off or on ({@code enabled}); on again means a fresh start without back-off. */
    @ActionRule(Action.MANAGE_FEEDS)
    @Patch("/tenants/{slug}/feeds/{id}")
    FeedView change(Actor actor, String slug, long id, @Body FeedChange body) {
        return FeedView.of(feeds.setEnabled(actor, slug, id, body.enabled()));
    }

    /** Asks for the feed to be read in the next round. */
    @ActionRule(Action.MANAGE_FEEDS)
    @Post("/tenants/{slug}/feeds/{id}/poll")
    FeedView poll(Actor actor, String slug, long id) {
        return FeedView.of(feeds.pollSoon(actor, slug, id));
    }

    /** Removes the registration; posts already taken from the feed stay. */
    @ActionRule(Action.MANAGE_FEEDS)
    @Delete("/tenants/{slug}/feeds/{id}")
    HttpResponse<Void> remove(Actor actor, String slug, long id) {
        feeds.remove(actor, slug, id);
        return HttpResponse.noContent();
    }

    /** Every agency's feeds, for Kominfo; {@code failing=true} lists only those whose last read failed. */
    @ActionRule(Action.VIEW_FEEDS)
    @Get("/feeds{?failing}")
    List<FeedView> all(Actor actor, @Nullable @QueryValue Boolean failing) {
        return feeds.allFeeds(actor, Boolean.TRUE.equals(failing)).stream().map(FeedView::of).toList();
    }
}
