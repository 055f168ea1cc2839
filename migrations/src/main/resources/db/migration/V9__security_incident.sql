-- Content-safety incidents (issue 7): a post the online-gambling spam guard stopped, at draft save or at
-- publication. Kept as evidence for Kominfo's security team: the detail holds what was found (terms, hosts,
-- hiding techniques), never the post's personal data. Nobody may change or remove an incident once recorded.
create table security_incident (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenant (id),
    -- Null when the content was refused before it was ever saved as a post. Deliberately no foreign key to
    -- post: the incident is written in its own transaction while the refused publication still holds the
    -- post's row lock (a key check would wait on it forever), and evidence must outlive the post.
    post_id         bigint,
    kind            text        not null check (kind in ('gambling_spam')),
    stage           text        not null check (stage in ('draft', 'publish')),
    detail          jsonb       not null default '{}'::jsonb,
    found_at        timestamptz not null default now(),
    found_by        bigint      references app_user (id),
    found_by_label  text        not null
);
create index security_incident_tenant_idx on security_incident (tenant_id, found_at desc);
create index security_incident_found_at_idx on security_incident (found_at desc);

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'revoke update, delete, truncate on security_incident from ${appRole}';
    end if;
end
$$;
