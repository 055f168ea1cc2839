-- Serambi foundation schema: tenants, people and their roles, sessions, posts, the audit trail, and the cache
-- generations. Every tenant-owned table carries tenant_id, and children reference (tenant_id, id) of their
-- parent, so a row can never point into another tenant even through a bug in the application.

create table tenant (
    id                  bigint generated always as identity primary key,
    slug                text        not null unique
                        check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
    name                text        not null check (length(btrim(name)) between 1 and 200),
    kind                text        not null default 'dinas'
                        check (kind in ('dinas', 'badan', 'bagian', 'kecamatan', 'kelurahan', 'desa', 'uptd', 'other')),
    description         text        check (length(description) <= 2000),
    status              text        not null default 'active'
                        check (status in ('provisioning', 'active', 'suspended', 'archived')),
    quota_min_per_week  integer     not null default 2 check (quota_min_per_week between 0 and 50),
    portal_moderation   text        not null default 'post' check (portal_moderation in ('pre', 'post', 'trusted')),
    platform_may_edit   boolean     not null default true,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

-- A host name serves exactly one tenant (dukcapil.contohkab.go.id -> dukcapil).
create table tenant_domain (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null references tenant (id),
    host        text        not null unique check (host = lower(host) and length(host) <= 253),
    created_at  timestamptz not null default now()
);
create index tenant_domain_tenant_idx on tenant_domain (tenant_id);

create table app_user (
    id                    bigint generated always as identity primary key,
    username              text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name          text        not null check (length(btrim(display_name)) between 1 and 200),
    email                 text        check (length(email) <= 254),
    password_hash         text,
    status                text        not null default 'active' check (status in ('active', 'disabled')),
    must_change_password  boolean     not null default false,
    created_at            timestamptz not null default now(),
    last_login_at         timestamptz
);
create unique index app_user_email_idx on app_user (lower(email)) where email is not null;

-- Platform roles have no tenant; tenant roles always have one.
create table membership (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id),
    tenant_id   bigint      references tenant (id),
    role        text        not null check (role in ('platform_admin', 'platform_staff', 'coordinator',
                                                    'tenant_admin', 'editor', 'writer',
                                                    'complaint_officer', 'complaint_official')),
    created_at  timestamptz not null default now(),
    check ((role in ('platform_admin', 'platform_staff', 'coordinator')) = (tenant_id is null)),
    unique nulls not distinct (user_id, tenant_id, role)
);
create index membership_tenant_idx on membership (tenant_id, role);

-- Sessions are opaque random tokens; only their SHA-256 is stored, so a leaked table signs nobody in.
create table user_session (
    id            bigint generated always as identity primary key,
    user_id       bigint      not null references app_user (id),
    token_hash    bytea       not null unique,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    expires_at    timestamptz not null,
    revoked_at    timestamptz,
    client_ip     text,
    user_agent    text
);
create index user_session_user_idx on user_session (user_id) where revoked_at is null;

create table post (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint      not null references tenant (id),
    kind                text        not null default 'news'
                        check (kind in ('news', 'announcement', 'page', 'document', 'gallery')),
    status              text        not null default 'draft'
                        check (status in ('draft', 'in_review', 'changes_requested', 'approved', 'scheduled',
                                          'published', 'unpublished', 'archived')),
    title               text        not null check (length(btrim(title)) between 1 and 200),
    slug                text        not null check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$'),
    summary             text        check (length(summary) <= 500),
    body_html           text        not null default '' check (length(body_html) <= 200000),
    author_id           bigint      references app_user (id),
    display_date        timestamptz,
    -- The quota counts a post in the week of its first publication, whatever display date it carries.
    first_published_at  timestamptz,
    published_at        timestamptz,
    portal_state        text        not null default 'visible'
                        check (portal_state in ('pending', 'visible', 'hidden', 'removed')),
    source              text        not null default 'native' check (source in ('native', 'feed')),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    search              tsvector generated always as (
                            setweight(to_tsvector('indonesian', title), 'A') ||
                            setweight(to_tsvector('indonesian', coalesce(summary, '')), 'B') ||
                            setweight(to_tsvector('indonesian', body_html), 'C')) stored,
    unique (tenant_id, slug),
    unique (tenant_id, id),
    check (status <> 'published' or (first_published_at is not null and published_at is not null))
);
create index post_tenant_published_idx on post (tenant_id, published_at desc) where status = 'published';
create index post_published_idx on post (published_at desc) where status = 'published';
create index post_tenant_first_published_idx on post (tenant_id, first_published_at);
create index post_search_idx on post using gin (search);

-- Who did what, when, from where. Append-only: no role may change or remove history.
create table audit_log (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor_user_id  bigint      references app_user (id),
    actor_label    text        not null,
    tenant_id      bigint      references tenant (id),
    action         text        not null,
    subject_type   text        not null,
    subject_id     text,
    detail         jsonb       not null default '{}'::jsonb,
    client_ip      text,
    user_agent     text
);
create index audit_log_tenant_idx on audit_log (tenant_id, occurred_at desc);
create index audit_log_actor_idx on audit_log (actor_user_id, occurred_at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Portal pages are cached per tenant and globally; a change bumps the generation (scope 'global' or
-- 'tenant:<id>') and sends NOTIFY so that every node drops what it holds.
create table cache_generation (
    scope       text        primary key,
    generation  bigint      not null default 0,
    changed_at  timestamptz not null default now()
);
insert into cache_generation (scope) values ('global');
