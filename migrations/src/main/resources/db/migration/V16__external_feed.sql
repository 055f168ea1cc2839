-- Agencies that already run their own website register its RSS/Atom feed; Serambi polls it and publishes the
-- new items as posts (source 'feed', de-duplicated by post.source_guid, V13). One row per registered feed.
create table external_feed (
    id                   bigint generated always as identity primary key,
    tenant_id            bigint      not null references tenant (id),
    url                  text        not null check (length(url) <= 2000 and url ~ '^https?://'),
    -- The validators the server gave last time, sent back as If-None-Match / If-Modified-Since.
    etag                 text        check (length(etag) <= 500),
    last_modified        text        check (length(last_modified) <= 200),
    last_polled_at       timestamptz,
    -- When the poller takes the feed next: every 15 minutes, later after failures (back-off up to a day).
    next_poll_at         timestamptz not null default now(),
    consecutive_failures integer     not null default 0 check (consecutive_failures >= 0),
    -- Why the last poll failed, as a short Indonesian sentence the agency's admin can act on.
    last_error           text        check (length(last_error) <= 500),
    last_success_at      timestamptz,
    enabled              boolean     not null default true,
    created_by           bigint      references app_user (id),
    created_at           timestamptz not null default now(),
    unique (tenant_id, id),
    unique (tenant_id, url)
);
create index external_feed_due_idx on external_feed (next_poll_at) where enabled;

-- Items the poller refused (online-gambling spam): remembered by GUID so that a feed which keeps offering
-- the item does not raise a new security incident every 15 minutes.
create table external_feed_rejected_item (
    tenant_id    bigint      not null,
    feed_id      bigint      not null,
    guid         text        not null check (length(guid) <= 1000),
    reason       text        not null check (reason in ('gambling_spam')),
    rejected_at  timestamptz not null default now(),
    primary key (feed_id, guid),
    foreign key (tenant_id, feed_id) references external_feed (tenant_id, id) on delete cascade
);

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on public.external_feed, public.external_feed_rejected_item to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
    end if;
end
$$;
