-- Credentials without plaintext passwords: mail goes through an outbox, people choose their own password
-- through a one-time link, and an agency's admins are designated by letter (the SOP's credential archive).

-- Mail waits here until an SMTP server has taken it: written in the transaction of the change that causes it,
-- so an SMTP outage delays mail but loses none. The body may carry a one-time link, so it is erased once sent.
create table mail_outbox (
    id               bigint generated always as identity primary key,
    tenant_id        bigint      references tenant (id),
    purpose          text        not null check (length(purpose) <= 50),
    recipient        text        not null check (length(recipient) <= 254),
    subject          text        not null check (length(subject) <= 500),
    body_text        text        not null check (length(body_text) <= 100000),
    created_at       timestamptz not null default now(),
    next_attempt_at  timestamptz not null default now(),
    attempts         integer     not null default 0,
    last_error       text        check (length(last_error) <= 1000),
    sent_at          timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;

-- Activation and password-reset links. Only the SHA-256 of the token is stored: the link exists in the mail
-- (or on the printed sheet) and nowhere else. A link is good once, until it expires or a newer one replaces it.
create table one_time_token (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id),
    purpose     text        not null check (purpose in ('activation', 'password_reset')),
    token_hash  bytea       not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index one_time_token_user_idx on one_time_token (user_id, purpose) where used_at is null and revoked_at is null;

-- Every password-reset request, known account or not, so that requests can be throttled per name and per
-- address without telling anyone whether the account exists.
create table password_reset_request (
    id            bigint generated always as identity primary key,
    account_key   text        not null check (length(account_key) <= 254),
    client_ip     text,
    requested_at  timestamptz not null default now()
);
create index password_reset_request_key_idx on password_reset_request (account_key, requested_at);
create index password_reset_request_ip_idx on password_reset_request (client_ip, requested_at);

-- The agency head's letter that designates a person to a role in the agency's site, with its validity.
create table designation (
    id               bigint generated always as identity primary key,
    tenant_id        bigint      not null references tenant (id),
    user_id          bigint      not null references app_user (id),
    role             text        not null check (role in ('tenant_admin', 'editor', 'writer',
                                                          'complaint_officer', 'complaint_official')),
    letter_number    text        not null check (length(btrim(letter_number)) between 1 and 100),
    letter_date      date        not null,
    signer_name      text        not null check (length(btrim(signer_name)) between 1 and 200),
    signer_title     text        not null check (length(btrim(signer_title)) between 1 and 200),
    valid_from       date        not null,
    valid_until      date,
    delivery         text        not null check (delivery in ('email', 'print')),
    status           text        not null default 'active' check (status in ('active', 'revoked')),
    revoked_reason   text        check (length(revoked_reason) <= 500),
    revoked_at       timestamptz,
    revoked_by       bigint      references app_user (id),
    created_by       bigint      references app_user (id),
    created_by_label text        not null,
    created_at       timestamptz not null default now(),
    unique (tenant_id, id),
    check (valid_until is null or valid_until >= valid_from),
    check ((status = 'revoked') = (revoked_at is not null))
);
create index designation_tenant_idx on designation (tenant_id, created_at desc);
create index designation_user_idx on designation (user_id);

-- The scanned letter, beside (not inside) its designation so that listing the history never reads the bytes.
-- Kept in the database: it is a small archive record (at most a few MiB) that must be backed up, restored and
-- access-checked together with the designation it proves.
create table designation_letter (
    designation_id  bigint      primary key,
    tenant_id       bigint      not null,
    file_name       text        not null check (length(file_name) <= 200),
    content         bytea       not null,
    size_bytes      integer     not null,
    sha256          bytea       not null,
    uploaded_at     timestamptz not null default now(),
    foreign key (tenant_id, designation_id) references designation (tenant_id, id)
);
