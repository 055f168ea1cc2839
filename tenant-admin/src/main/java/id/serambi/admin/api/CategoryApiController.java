package id.serambi.admin.api;

import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The district's categories, for a post's {@code categoryId}: the same list for every agency. */
@Controller("/api/v1/tenants/{slug}/categories")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class CategoryApiController {
    private final PostService posts;

    CategoryApiController(PostService posts) {
        this.posts = posts;
    }

    @ActionRule(Action.READ_POSTS)
    @Get
    List<ApiDtos.CategoryView> list(Actor actor, String slug) {
        return posts.categories(actor, slug).stream().map(c -> new ApiDtos.CategoryView(c.id(), c.slug(), c.name())).toList();
    }
}
