-- The editorial workflow: how many hands a tenant's posts pass through (seed 003), every transition as an
-- event with who, when and why, and the time a scheduled post goes live.

alter table tenant add column workflow_steps smallint not null default 1 check (workflow_steps between 1 and 3);

alter table post add column scheduled_at timestamptz;
alter table post add constraint post_scheduled_has_time check (status <> 'scheduled' or scheduled_at is not null);
create index post_scheduled_idx on post (scheduled_at) where status = 'scheduled';

create table workflow_event (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null,
    post_id        bigint      not null,
    event          text        not null check (event in ('submit', 'request_changes', 'approve', 'publish', 'schedule',
                                                         'publish_scheduled', 'cancel_schedule', 'unpublish',
                                                         'archive', 'reopen')),
    from_status    text        not null,
    to_status      text        not null,
    -- null: the scheduler acted.
    actor_user_id  bigint      references app_user (id),
    note           text        check (length(note) <= 2000),
    occurred_at    timestamptz not null default now(),
    foreign key (tenant_id, post_id) references post (tenant_id, id)
);
create index workflow_event_post_idx on workflow_event (tenant_id, post_id, id);
