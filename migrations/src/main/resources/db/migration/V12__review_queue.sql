-- The review queue (issue 7): each tenant's time standards for the waiting steps of seed 003, and review
-- comments that are not transitions (a note to the writer while the post stays where it is).

-- Minutes, as the seed states them: editing 1 hour, correction 15 minutes, final check and filtering
-- 15 minutes, publication 15 minutes. At most a week each.
alter table tenant
    add column review_editing_minutes     smallint not null default 60 check (review_editing_minutes between 1 and 10080),
    add column review_correction_minutes  smallint not null default 15 check (review_correction_minutes between 1 and 10080),
    add column review_final_check_minutes smallint not null default 15 check (review_final_check_minutes between 1 and 10080),
    add column review_publication_minutes smallint not null default 15 check (review_publication_minutes between 1 and 10080);

-- A comment does not move the post, so it is kept apart from workflow_event: "since when has this waited"
-- reads transitions only, and the declared transition table stays the one list of events.
create table post_comment (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null,
    post_id        bigint      not null,
    author_user_id bigint      not null references app_user (id),
    body           text        not null check (length(btrim(body)) between 1 and 2000),
    created_at     timestamptz not null default now(),
    foreign key (tenant_id, post_id) references post (tenant_id, id)
);
create index post_comment_post_idx on post_comment (tenant_id, post_id, id);
