-- Failed sign-ins, counted per account name and per client address, so that guessing passwords gets slower
-- and slower on every node at once. Keys are the name as typed (whether or not such a user exists) and the
-- address; a success clears the account's row.
create table login_throttle (
    scope         text        not null check (scope in ('account', 'address')),
    key           text        not null check (length(key) <= 200),
    failures      integer     not null default 0,
    last_failure  timestamptz not null default now(),
    locked_until  timestamptz,
    primary key (scope, key)
);
