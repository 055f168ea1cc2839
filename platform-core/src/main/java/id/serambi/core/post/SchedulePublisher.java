package id.serambi.core.post;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Singleton;

/**
 * Publishes scheduled posts whose time has come. Every console node runs it every few seconds and once at
 * start, so posts that fell due during downtime go out at once; each post is its own transaction, and its row
 * lock lets only one node publish it (the other finds it published and leaves it).
 */
@Singleton
public class SchedulePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulePublisher.class);
    private static final int BATCH = 100;

    private final PostService posts;

    SchedulePublisher(PostService posts) {
        this.posts = posts;
    }

    /** Returns how many posts went live. One post that cannot go live does not hold up the others. */
    public int publishDue() {
        int published = 0;
        for (var due : posts.dueSchedules(BATCH)) {
            try {
                if (posts.publishOnSchedule(due.tenantSlug(), due.postId())) {
                    published++;
                }
            } catch (RuntimeException e) {
                LOG.warn("scheduled post {} of {} was not published: {}", due.postId().value(), due.tenantSlug(), e.toString());
            }
        }
        return published;
    }
}
