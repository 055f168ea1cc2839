-- The public portal reads only through the views of schema "portal": published posts of live tenants, the
-- tenants' public columns, host names and cache generations. Its database role can use nothing else.

create schema portal;

create view portal.tenant as
    select id, slug, name, kind, description, status
    from public.tenant
    where status in ('active', 'suspended', 'archived');

create view portal.tenant_domain as
    select d.host, d.tenant_id
    from public.tenant_domain d;

create view portal.post as
    select p.id, p.tenant_id, p.kind, p.title, p.slug, p.summary, p.body_html, p.display_date,
           p.first_published_at, p.published_at, p.updated_at, p.portal_state, p.source, p.search
    from public.post p
    join public.tenant t on t.id = p.tenant_id
    where p.status = 'published' and t.status in ('active', 'archived');

create view portal.cache_generation as
    select scope, generation, changed_at from public.cache_generation;

-- Roles: ${appRole} runs the console and API, ${portalRole} serves readers. Created here when the migrating
-- user may create roles (the embedded database); a DBA creates them beforehand otherwise.
do $$
begin
    if not exists (select from pg_roles where rolname = '${appRole}') then
        if (select rolcreaterole or rolsuper from pg_roles where rolname = current_user) then
            create role ${appRole} login;
        else
            raise notice 'role ${appRole} is missing and % may not create it: create it, then grant', current_user;
        end if;
    end if;
    if not exists (select from pg_roles where rolname = '${portalRole}') then
        if (select rolcreaterole or rolsuper from pg_roles where rolname = current_user) then
            create role ${portalRole} login;
        else
            raise notice 'role ${portalRole} is missing and % may not create it: create it, then grant', current_user;
        end if;
    end if;
end
$$;

-- Nobody but the owner and the roles granted below may use schema public.
revoke all on schema public from public;

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant usage on schema public, portal to ${appRole}';
        execute 'grant select, insert, update, delete on all tables in schema public to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
        execute 'grant select on all tables in schema portal to ${appRole}';
        -- Tables created by later migrations get the same rights without each migration repeating them.
        execute 'alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole}';
        execute 'alter default privileges in schema public grant usage, select on sequences to ${appRole}';
        execute 'alter default privileges in schema portal grant select on tables to ${appRole}';
        execute 'revoke update, delete, truncate on audit_log from ${appRole}';
        execute 'revoke all on flyway_schema_history from ${appRole}';
    end if;
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant usage on schema portal to ${portalRole}';
        execute 'grant select on all tables in schema portal to ${portalRole}';
        execute 'alter default privileges in schema portal grant select on tables to ${portalRole}';
    end if;
end
$$;
