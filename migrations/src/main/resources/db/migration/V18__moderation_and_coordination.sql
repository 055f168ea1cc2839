-- Issue 5, second half: Kominfo's moderation of agency posts on the district portal, the coordinators' marks
-- on published posts (noted, commended, flagged), and dispositions sent down the chain to an agency.

-- Every moderation action Kominfo takes on a post, with its required reason: the tenant's moderation history.
create table moderation_action (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null,
    post_id       bigint      not null,
    action        text        not null check (action in ('approve', 'hide', 'remove', 'revise', 'delete', 'restore',
                                                         'dismiss')),
    reason        text        not null check (length(btrim(reason)) between 1 and 1000),
    actor_id      bigint      references app_user (id),
    actor_label   text        not null,
    -- What the action changed, e.g. the portal state before and after, the revision number Kominfo saved.
    detail        jsonb       not null default '{}'::jsonb,
    created_at    timestamptz not null default now(),
    foreign key (tenant_id, post_id) references post (tenant_id, id)
);
create index moderation_action_tenant_idx on moderation_action (tenant_id, created_at desc);
create index moderation_action_post_idx on moderation_action (tenant_id, post_id, created_at desc);
-- The queue lists pre-moderated posts waiting for approval, oldest first.
create index post_portal_pending_idx on post (first_published_at) where portal_state = 'pending';

-- A coordinator's mark on a published post. A flag waits in Kominfo's moderation queue until a moderation
-- action on the post (or a dismissal) resolves it.
create table review_mark (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null,
    post_id       bigint      not null,
    mark          text        not null check (mark in ('noted', 'commended', 'flagged')),
    note          text        check (length(note) <= 1000),
    marked_by     bigint      not null references app_user (id),
    created_at    timestamptz not null default now(),
    resolved_at   timestamptz,
    resolved_by   bigint      references app_user (id),
    foreign key (tenant_id, post_id) references post (tenant_id, id),
    check (mark = 'flagged' or resolved_at is null)
);
create index review_mark_post_idx on review_mark (tenant_id, post_id, created_at desc);
create index review_mark_open_flags_idx on review_mark (created_at) where mark = 'flagged' and resolved_at is null;

-- An instruction from a coordinator or Kominfo to an agency: sent, acknowledged, answered, closed.
create table disposition (
    id               bigint generated always as identity primary key,
    tenant_id        bigint      not null references tenant (id),
    subject          text        not null check (length(btrim(subject)) between 1 and 200),
    body             text        not null check (length(btrim(body)) between 1 and 5000),
    due_on           date        not null,
    state            text        not null default 'sent' check (state in ('sent', 'acknowledged', 'answered', 'closed')),
    sent_by          bigint      not null references app_user (id),
    sent_at          timestamptz not null default now(),
    acknowledged_at  timestamptz,
    answered_at      timestamptz,
    answer           text        check (length(answer) <= 5000),
    closed_at        timestamptz,
    unique (tenant_id, id),
    check (state <> 'answered' or answer is not null)
);
create index disposition_tenant_idx on disposition (tenant_id, sent_at desc);
create index disposition_open_idx on disposition (due_on) where state in ('sent', 'acknowledged');

-- Each step of a disposition, who took it and when: its history on both sides.
create table disposition_event (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null,
    disposition_id  bigint      not null,
    event           text        not null check (event in ('send', 'acknowledge', 'answer', 'close')),
    actor_id        bigint      references app_user (id),
    note            text        check (length(note) <= 5000),
    at              timestamptz not null default now(),
    foreign key (tenant_id, disposition_id) references disposition (tenant_id, id)
);
create index disposition_event_idx on disposition_event (tenant_id, disposition_id, at);

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on public.moderation_action, public.review_mark, '
             || 'public.disposition, public.disposition_event to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
        -- The moderation history is evidence: once written, it is not changed or removed.
        execute 'revoke update, delete, truncate on public.moderation_action from ${appRole}';
    end if;
end
$$;
