-- A tenant's public profile, edited by Kominfo's admins: contact details shown on the agency's site, and
-- its logo. The portal reads both only through the views of schema "portal".
alter table tenant
    add column contact_address  text check (length(contact_address) <= 500),
    add column contact_phone    text check (length(contact_phone) <= 50),
    add column contact_email    text check (length(contact_email) <= 254),
    add column office_hours     text check (length(office_hours) <= 500);

-- At most one logo per tenant; its type is decided from the bytes on upload, and it is small (the limit is
-- the application's; the check is a backstop).
create table tenant_logo (
    tenant_id     bigint      primary key references tenant (id),
    content_type  text        not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    image         bytea       not null check (octet_length(image) between 1 and 524288),
    updated_at    timestamptz not null default now()
);

-- New columns go at the end: "create or replace view" may only add columns.
create or replace view portal.tenant as
    select id, slug, name, kind, description, status,
           contact_address, contact_phone, contact_email, office_hours,
           exists (select from public.tenant_logo l where l.tenant_id = tenant.id) as has_logo
    from public.tenant
    where status in ('active', 'suspended', 'archived');

create view portal.tenant_logo as
    select l.tenant_id, l.content_type, l.image, l.updated_at
    from public.tenant_logo l
    join public.tenant t on t.id = l.tenant_id
    where t.status in ('active', 'suspended', 'archived');

-- The team list filters memberships by tenant and role and joins the person; listing a person's roles
-- (the switcher, platform users) goes by user.
create index membership_user_idx on membership (user_id);

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select on portal.tenant_logo to ${appRole}';
    end if;
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant select on portal.tenant, portal.tenant_logo to ${portalRole}';
    end if;
end
$$;
