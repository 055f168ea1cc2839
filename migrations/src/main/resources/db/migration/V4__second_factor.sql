-- Two-factor sign-in with time-based one-time codes (RFC 6238): mandatory for Kominfo's platform roles.
alter table app_user
    add column totp_secret      text,
    add column totp_enabled_at  timestamptz,
    -- The last 30-second step whose code was accepted: a code is good once, never replayed.
    add column totp_last_step   bigint;

-- A session that has passed the password but not yet the second factor can reach the 2FA pages only.
alter table user_session add column second_factor_pending boolean not null default false;

-- Ten single-use recovery codes per person, for a lost phone; only their SHA-256 is stored.
create table recovery_code (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id),
    code_hash   bytea       not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now(),
    unique (user_id, code_hash)
);
