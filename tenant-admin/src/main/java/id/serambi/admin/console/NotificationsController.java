package id.serambi.admin.console;

import java.net.URI;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.OwnAccount;
import id.serambi.core.access.Actor;
import id.serambi.core.notify.NotificationService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A person's own notifications (quota reminders, moderation, dispositions …), newest unread first. */
@Controller("/admin/notifikasi")
@Produces(MediaType.TEXT_HTML)
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class NotificationsController {
    static final int SHOWN = 100;
    private final Pages pages;
    private final NotificationService notifications;

    NotificationsController(Pages pages, NotificationService notifications) {
        this.pages = pages;
        this.notifications = notifications;
    }

    @OwnAccount
    @Get
    HttpResponse<String> list(HttpRequest<?> request, Actor actor) {
        if (actor.userId() == null) {
            return pages.error(request, actor, io.micronaut.http.HttpStatus.NOT_FOUND, "error.title.404");
        }
        return pages.page(request, actor, "notifications.jte", Map.of(
                "notifications", notifications.recent(actor.userId(), SHOWN),
                "unread", notifications.unreadCount(actor.userId())));
    }

    @OwnAccount
    @Post(value = "/baca", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> markAllRead(HttpRequest<?> request, Actor actor, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        if (actor.userId() != null) {
            notifications.markAllRead(actor.userId());
        }
        return HttpResponse.seeOther(URI.create("/admin/notifikasi"));
    }
}
