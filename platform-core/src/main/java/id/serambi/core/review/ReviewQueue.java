package id.serambi.core.review;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.account.UserId;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostKind;
import id.serambi.core.post.PostStatus;
import id.serambi.core.workflow.WorkflowSteps;

/**
 * What waits in a tenant's newsroom, longest-waiting first. {@code wholeNewsroom} is false for a writer, who
 * sees only their own posts.
 */
public record ReviewQueue(List<Item> items, ReviewStandards standards, WorkflowSteps steps, boolean wholeNewsroom,
                          OffsetDateTime now) {
    public ReviewQueue {
        items = List.copyOf(items);
    }

    /**
     * One waiting post. {@code since} is when it entered its present state (its latest transition into it);
     * waiting time is counted in plain minutes of the clock, not office hours.
     */
    public record Item(PostId id, String title, PostKind kind, PostStatus status, UserId authorId, String authorName,
                       OffsetDateTime since, long waitedMinutes, int standardMinutes) {
        public boolean overdue() {
            return waitedMinutes > standardMinutes;
        }
    }

    public long overdueCount() {
        return items.stream().filter(Item::overdue).count();
    }
}
