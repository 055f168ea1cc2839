-- An agency's media library: images (stored only as re-encoded variants, never the uploaded bytes, so EXIF and
-- GPS are gone), documents, MP4 videos and YouTube links. The id is random: public addresses of files cannot
-- be counted through. Files live in the media storage (local directory or S3), keyed by tenant, id and variant.
create table media (
    tenant_id     bigint      not null references tenant (id),
    id            uuid        not null default gen_random_uuid(),
    kind          text        not null check (kind in ('image', 'document', 'video', 'youtube')),
    content_type  text        not null check (length(content_type) <= 100),
    file_name     text        not null check (length(file_name) between 1 and 200),
    byte_size     bigint      not null check (byte_size >= 0),
    sha256        text        check (sha256 ~ '^[0-9a-f]{64}$'),
    width         integer     check (width > 0),
    height        integer     check (height > 0),
    -- Names of the stored files: 'full', 'thumb' and widths ('480', '960', '1600') for images, 'original' else.
    variants      text[]      not null default '{}',
    alt_text      text        check (length(alt_text) <= 300),
    youtube_id    text        check (youtube_id ~ '^[A-Za-z0-9_-]{11}$'),
    created_by    bigint      references app_user (id),
    created_at    timestamptz not null default now(),
    deleted_at    timestamptz,
    primary key (tenant_id, id),
    unique (id),
    check ((kind = 'youtube') = (youtube_id is not null))
);
create index media_tenant_created_idx on media (tenant_id, created_at desc) where deleted_at is null;

-- Readers get the files of live agencies that were not deleted (default privileges of V2 grant the portal role).
create view portal.media as
    select m.tenant_id, m.id, m.kind, m.content_type, m.file_name, m.byte_size, m.width, m.height, m.variants,
           m.alt_text, m.youtube_id, m.created_at
    from public.media m
    join public.tenant t on t.id = m.tenant_id
    where m.deleted_at is null and t.status in ('active', 'archived');

-- Explicit as well, in case a DBA migrates as a user other than the one whose default privileges V2 set.
do $$
begin
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant select on portal.media to ${portalRole}';
    end if;
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on public.media to ${appRole}';
        execute 'grant select on portal.media to ${appRole}';
    end if;
end
$$;
