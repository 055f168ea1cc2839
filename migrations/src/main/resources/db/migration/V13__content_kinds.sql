-- Content beyond plain news (issue 7) and the columns the portal (issue 4) and moderation (issue 5) read:
-- district-wide categories, tags, a featured image, the site menu of profile pages, the PPID documents list,
-- galleries, the link back to the original of a post taken from an agency's own feed, and soft deletion.

-- Categories are the district's, not each agency's: "news by category" on the portal spans all agencies.
create table category (
    id        bigint generated always as identity primary key,
    slug      text    not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$'),
    name      text    not null check (length(btrim(name)) between 1 and 80),
    position  integer not null default 0
);
insert into category (slug, name, position) values
    ('pemerintahan', 'Pemerintahan', 1),
    ('pembangunan', 'Pembangunan', 2),
    ('kesehatan', 'Kesehatan', 3),
    ('pendidikan', 'Pendidikan', 4),
    ('ekonomi', 'Ekonomi', 5),
    ('sosial-budaya', 'Sosial dan Budaya', 6),
    ('pelayanan-publik', 'Pelayanan Publik', 7),
    ('pertanian', 'Pertanian', 8);

alter table post
    add column category_id        bigint references category (id),
    -- Free tags, lower case, as typed by the newsroom.
    add column tags               text[]  not null default '{}' check (cardinality(tags) <= 10),
    add column featured_media_id  uuid,
    -- Pages (kind 'page') with a position appear in the agency site's menu in that order.
    add column menu_position      integer check (menu_position between 1 and 50),
    -- Documents (kind 'document') of the PPID list: the file, its PPID category and its year.
    add column document_media_id  uuid,
    add column document_category  text check (document_category in ('berkala', 'serta_merta', 'setiap_saat')),
    add column document_year      integer check (document_year between 1945 and 2100),
    -- Posts taken from an agency's own feed link to the original and are de-duplicated by the item's GUID.
    add column source_url         text check (length(source_url) <= 2000 and source_url ~ '^https?://'),
    add column source_guid        text check (length(source_guid) <= 1000),
    -- Soft deletion by moderation (recoverable for 30 days); a deleted post is gone from every public page.
    add column deleted_at         timestamptz,
    add foreign key (tenant_id, featured_media_id) references media (tenant_id, id),
    add foreign key (tenant_id, document_media_id) references media (tenant_id, id),
    add check (kind = 'page' or menu_position is null),
    add check (kind = 'document' or (document_media_id is null and document_category is null
                                     and document_year is null));
create index post_tags_idx on post using gin (tags);
create index post_category_published_idx on post (category_id, published_at desc) where status = 'published';
create unique index post_feed_guid_idx on post (tenant_id, source_guid) where source_guid is not null;

alter table post_revision
    add column category_id        bigint references category (id),
    add column tags               text[]  not null default '{}',
    add column featured_media_id  uuid;

-- Photos and videos of a gallery, in order. A video is a media row of kind 'video' or 'youtube'.
create table post_gallery_item (
    tenant_id  bigint  not null,
    post_id    bigint  not null,
    position   integer not null check (position between 1 and 200),
    media_id   uuid    not null,
    caption    text    check (length(caption) <= 300),
    primary key (tenant_id, post_id, position),
    foreign key (tenant_id, post_id) references post (tenant_id, id) on delete cascade,
    foreign key (tenant_id, media_id) references media (tenant_id, id)
);

-- The portal's view gains the new columns (appended, so "create or replace" keeps the grants) and no longer
-- shows deleted posts.
create or replace view portal.post as
    select p.id, p.tenant_id, p.kind, p.title, p.slug, p.summary, p.body_html, p.display_date,
           p.first_published_at, p.published_at, p.updated_at, p.portal_state, p.source, p.search,
           p.seo_description, p.revised_at,
           p.category_id, p.tags, p.featured_media_id, p.menu_position, p.document_media_id,
           p.document_category, p.document_year, p.source_url
    from public.post p
    join public.tenant t on t.id = p.tenant_id
    where p.status = 'published' and p.deleted_at is null and t.status in ('active', 'archived');

create view portal.category as
    select id, slug, name, position from public.category;

create view portal.post_gallery_item as
    select g.tenant_id, g.post_id, g.position, g.media_id, g.caption
    from public.post_gallery_item g
    join portal.post p on p.tenant_id = g.tenant_id and p.id = g.post_id;

do $$
begin
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant select on portal.post, portal.category, portal.post_gallery_item to ${portalRole}';
    end if;
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on public.category, public.post_gallery_item to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
        execute 'grant select on portal.post, portal.category, portal.post_gallery_item to ${appRole}';
    end if;
end
$$;

-- In-app notifications (quota reminders, moderation actions, dispositions, overdue complaints). The text is a
-- message key with arguments, so each person reads it in their own language. A dedupe key makes a reminder
-- that a restarted job tries to send again a no-op.
create table notification (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id),
    tenant_id    bigint      references tenant (id),
    kind         text        not null check (kind ~ '^[a-z][a-z0-9_.]{0,59}$'),
    message_key  text        not null check (length(message_key) <= 120),
    message_args text[]      not null default '{}',
    link         text        check (link ~ '^/' and length(link) <= 500),
    dedupe_key   text        check (length(dedupe_key) <= 200),
    created_at   timestamptz not null default now(),
    read_at      timestamptz,
    unique (user_id, dedupe_key)
);
create index notification_unread_idx on notification (user_id, created_at desc) where read_at is null;

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on public.notification to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
    end if;
end
$$;
