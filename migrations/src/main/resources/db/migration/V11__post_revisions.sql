-- Revisions: every save of a post is kept as a numbered revision, so two can be compared side by side and an
-- old one restored as a new one. Also the post fields the newsroom edits besides title and body.

alter table post add column seo_description text check (length(seo_description) <= 300);
-- When the content of a post that had already been published last changed: the public page says
-- "Diperbarui" with this date. Workflow moves (unpublish, publish again) leave it alone.
alter table post add column revised_at timestamptz;

create table post_revision (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null,
    post_id         bigint      not null,
    number          integer     not null check (number >= 1),
    title           text        not null check (length(btrim(title)) between 1 and 200),
    slug            text        not null,
    summary         text        check (length(summary) <= 500),
    -- Sanitised, as stored on the post.
    body_html       text        not null default '' check (length(body_html) <= 200000),
    display_date    timestamptz,
    seo_description text        check (length(seo_description) <= 300),
    author_id       bigint      references app_user (id),
    -- Made by Kominfo's staff rather than the agency's own team (issue 5 shows this to the agency).
    by_platform     boolean     not null default false,
    restored_from   integer,
    created_at      timestamptz not null default now(),
    foreign key (tenant_id, post_id) references post (tenant_id, id),
    unique (tenant_id, post_id, number),
    foreign key (tenant_id, post_id, restored_from) references post_revision (tenant_id, post_id, number),
    check (restored_from is null or restored_from < number)
);

-- Posts saved before revisions existed start with their current content as revision 1.
insert into post_revision (tenant_id, post_id, number, title, slug, summary, body_html, display_date, author_id,
                           created_at)
select tenant_id, id, 1, title, slug, summary, body_html, display_date, author_id, updated_at
from post;

-- The portal reads the new columns through its view (appended, so "create or replace" keeps the grants).
create or replace view portal.post as
    select p.id, p.tenant_id, p.kind, p.title, p.slug, p.summary, p.body_html, p.display_date,
           p.first_published_at, p.published_at, p.updated_at, p.portal_state, p.source, p.search,
           p.seo_description, p.revised_at
    from public.post p
    join public.tenant t on t.id = p.tenant_id
    where p.status = 'published' and t.status in ('active', 'archived');

do $$
begin
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant select on portal.post to ${portalRole}';
    end if;
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on public.post_revision to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
        execute 'grant select on portal.post to ${appRole}';
    end if;
end
$$;
