-- The publishing quota (issue 5): exemptions Kominfo grants, and each tenant's status history, so a week in
-- which an agency was not active throughout (created, suspended or archived mid-week) is judged fairly.

-- A date range (portal-local days, inclusive) in which the quota does not apply: district-wide (tenant_id
-- null, e.g. the Lebaran collective leave) or for one tenant. A quota week that overlaps the range is exempt.
-- Withdrawn, not deleted, so reports made earlier can be explained.
create table quota_exemption (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      references tenant (id),
    first_day     date        not null,
    last_day      date        not null,
    reason        text        not null check (length(btrim(reason)) between 3 and 500),
    created_by    bigint      references app_user (id),
    created_at    timestamptz not null default now(),
    withdrawn_at  timestamptz,
    withdrawn_by  bigint      references app_user (id),
    check (last_day >= first_day and last_day - first_day <= 366)
);
create index quota_exemption_days_idx on quota_exemption (first_day, last_day) where withdrawn_at is null;

-- Every status a tenant has had and since when, written by the database itself on insert and on change, so
-- no code path can forget it.
create table tenant_status_history (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null references tenant (id),
    status      text        not null,
    since       timestamptz not null default now()
);
create index tenant_status_history_idx on tenant_status_history (tenant_id, since);

insert into tenant_status_history (tenant_id, status, since) select id, status, created_at from tenant;

create function tenant_status_remember() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into tenant_status_history (tenant_id, status, since) values (new.id, new.status, new.created_at);
    elsif new.status is distinct from old.status then
        insert into tenant_status_history (tenant_id, status, since) values (new.id, new.status, now());
    end if;
    return new;
end
$$;
create trigger tenant_status_remember after insert or update of status on tenant
    for each row execute function tenant_status_remember();

-- Counting a tenant's posts by week reads (tenant, kind, first publication).
create index post_quota_idx on post (tenant_id, first_published_at) include (kind, portal_state, deleted_at)
    where first_published_at is not null;

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update on public.quota_exemption to ${appRole}';
        execute 'grant select, insert on public.tenant_status_history to ${appRole}';
        execute 'revoke update, delete, truncate on public.tenant_status_history from ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
    end if;
end
$$;
