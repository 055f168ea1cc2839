-- Post-moderation made different from "trusted". Under post-moderation a post is on the portal at once, but
-- Kominfo still looks at each new one afterwards: its first publication marks it unreviewed, and it waits in
-- the moderation queue ("published, not yet reviewed") until any moderation action on it (approve = "seen,
-- keep it", hide, take down, revise, delete, restore, dismiss) clears the mark. A trusted tenant's posts never
-- get the mark, so they never enter the queue; a pre-moderated tenant's posts wait as portal_state 'pending'.
alter table post add column unreviewed_since timestamptz;

-- The queue lists unreviewed posts oldest first; few rows carry the mark at any time.
create index post_unreviewed_idx on post (unreviewed_since) where unreviewed_since is not null;
