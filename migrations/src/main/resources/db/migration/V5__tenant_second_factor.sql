-- An agency may require two-step sign-in of its own team too (it is always required of Kominfo's roles).
alter table tenant add column require_second_factor boolean not null default false;
