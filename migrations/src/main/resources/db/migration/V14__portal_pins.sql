-- The district home's headline area (issue 4): Kominfo pins posts of any agency, in order. The portal reads
-- the pins only through portal.pin, which keeps a pin only while its post is on the district portal
-- (published, not deleted, portal_state 'visible', live agency): hiding or removing a post unpins it in effect.
create table portal_pin (
    tenant_id  bigint      not null,
    post_id    bigint      not null,
    position   integer     not null check (position between 1 and 1000),
    pinned_by  bigint      references app_user (id),
    pinned_at  timestamptz not null default now(),
    primary key (tenant_id, post_id),
    foreign key (tenant_id, post_id) references post (tenant_id, id) on delete cascade
);
create index portal_pin_position_idx on portal_pin (position, pinned_at desc);

create view portal.pin as
    select n.tenant_id, n.post_id, n.position, n.pinned_at
    from public.portal_pin n
    join portal.post p on p.tenant_id = n.tenant_id and p.id = n.post_id
    where p.portal_state = 'visible';

do $$
begin
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant select on portal.pin to ${portalRole}';
    end if;
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on public.portal_pin to ${appRole}';
        execute 'grant select on portal.pin to ${appRole}';
    end if;
end
$$;
