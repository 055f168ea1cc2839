-- Public complaints (pengaduan, seed 004): an agency switches the service on, citizens file through the
-- portal (or an officer records a walk-in / WhatsApp / email / Facebook complaint), every complaint gets a
-- gapless register number per agency and year, and each step runs against a time standard counted in office
-- hours. The portal's database role reaches none of these tables: it files, tracks and confirms through the
-- SECURITY DEFINER functions of schema "portal" at the end, which do exactly that and nothing more.

-- Per agency: whether it takes complaints, its categories and its time standards (seed 004 by default).
create table complaint_settings (
    tenant_id                 bigint      primary key references tenant (id),
    enabled                   boolean     not null default false,
    categories                text[]      not null default '{}' check (cardinality(categories) <= 30),
    receive_minutes           integer     not null default 15 check (receive_minutes between 1 and 10080),
    verify_minutes            integer     not null default 15 check (verify_minutes between 1 and 10080),
    record_minutes            integer     not null default 15 check (record_minutes between 1 and 10080),
    answer_minutes            integer     not null default 15 check (answer_minutes between 1 and 10080),
    escalated_answer_days     integer     not null default 2 check (escalated_answer_days between 1 and 60),
    deliver_minutes           integer     not null default 15 check (deliver_minutes between 1 and 10080),
    retention_days            integer     not null default 730 check (retention_days between 30 and 3650),
    updated_at                timestamptz not null default now()
);

-- Office hours of the district (one row per ISO weekday; a missing day is closed) and its holidays, both
-- managed by Kominfo. Clocks of complaint steps only run inside these hours.
create table office_hours (
    iso_day_of_week  smallint primary key check (iso_day_of_week between 1 and 7),
    opens_at         time     not null,
    closes_at        time     not null,
    check (opens_at < closes_at)
);
insert into office_hours (iso_day_of_week, opens_at, closes_at) values
    (1, '07:30', '16:00'), (2, '07:30', '16:00'), (3, '07:30', '16:00'), (4, '07:30', '16:00'), (5, '07:30', '16:30');

create table holiday (
    day   date primary key,
    name  text not null check (length(btrim(name)) between 1 and 200)
);

-- The register's counter per agency and year. Numbers come from "update ... set last = last + 1 returning"
-- in the transaction that inserts the complaint, so a rollback returns the number: no gaps (a sequence would
-- leave them), and concurrent filings queue on the row.
create table complaint_counter (
    tenant_id  bigint  not null references tenant (id),
    year       integer not null check (year between 2000 and 2200),
    last       integer not null default 0,
    primary key (tenant_id, year)
);

create table complaint (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint      not null references tenant (id),
    register_year      integer     not null,
    register_seq       integer     not null,
    register_number    text        not null unique check (length(register_number) <= 80),
    channel            text        not null check (channel in ('web', 'walk_in', 'whatsapp', 'email', 'facebook', 'phone')),
    category           text        check (length(category) <= 100),
    description        text        not null check (length(description) between 1 and 5000),
    complainant_name   text        check (length(complainant_name) <= 200),
    contact_phone      text        check (length(contact_phone) <= 40),
    contact_email      text        check (length(contact_email) <= 254),
    consent_at         timestamptz,
    -- SHA-256 (hex) of the citizen's tracking code and of the form token that made the complaint: the codes
    -- themselves are stored nowhere. The form token makes a retried submission find its first complaint.
    tracking_hash      text        not null check (length(tracking_hash) = 64),
    idempotency_hash   text        check (length(idempotency_hash) = 64),
    status             text        not null default 'received'
                       check (status in ('received', 'verified', 'returned', 'escalated', 'answered', 'delivered', 'closed')),
    status_since       timestamptz not null,
    due_at             timestamptz,
    answer             text        check (length(answer) <= 5000),
    return_reason      text        check (length(return_reason) <= 2000),
    filed_at           timestamptz not null,
    delivered_at       timestamptz,
    closed_at          timestamptz,
    anonymised_at      timestamptz,
    unique (tenant_id, id),
    unique (tenant_id, register_year, register_seq),
    unique (tenant_id, idempotency_hash)
);
create index complaint_open_idx on complaint (tenant_id, status, due_at);
create index complaint_filed_idx on complaint (tenant_id, filed_at);

-- Every step of every complaint. public_text is what the citizen may read (a return reason, a reopen
-- comment); internal_note is the officers' own. step_started_at / step_due_at describe the step this event
-- ended, so reports can tell whether it was done within its time standard.
create table complaint_event (
    id               bigint generated always as identity primary key,
    tenant_id        bigint      not null,
    complaint_id     bigint      not null,
    event            text        not null check (event ~ '^[a-z_]{1,30}$'),
    from_status      text,
    to_status        text        not null,
    actor_user_id    bigint      references app_user (id),
    actor_label      text        not null check (length(actor_label) <= 200),
    public_text      text        check (length(public_text) <= 5000),
    internal_note    text        check (length(internal_note) <= 5000),
    step_started_at  timestamptz,
    step_due_at      timestamptz,
    occurred_at      timestamptz not null,
    foreign key (tenant_id, complaint_id) references complaint (tenant_id, id)
);
create index complaint_event_complaint_idx on complaint_event (complaint_id, id);

-- Files the officers attach to a step (the citizen's own files are attached at filing with event_id null).
create table complaint_attachment (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null,
    complaint_id  bigint      not null,
    event_id      bigint      references complaint_event (id),
    file_name     text        not null check (length(file_name) <= 200),
    content_type  text        not null check (length(content_type) <= 100),
    content       bytea       not null check (octet_length(content) <= 10485760),
    created_at    timestamptz not null default now(),
    foreign key (tenant_id, complaint_id) references complaint (tenant_id, id)
);

-- Requests per client (a hash of the address) and fixed window, counted in the database so that every
-- portal node counts together.
create table complaint_rate (
    key           text        not null check (length(key) <= 100),
    window_start  timestamptz not null,
    hits          integer     not null default 0,
    primary key (key, window_start)
);

-- The one place that allocates a register number and inserts a complaint (used by the portal function below
-- and by the console's intake). An existing complaint with the same form token is returned instead.
create function public.complaint_file(p_tenant bigint, p_channel text, p_idempotency_hash text, p_tracking_hash text,
                                      p_name text, p_phone text, p_email text, p_category text, p_description text,
                                      p_consent boolean, p_actor_user bigint, p_actor_label text, p_now timestamptz,
                                      p_due timestamptz, p_year integer)
    returns table (complaint_id bigint, register_number text, created boolean)
    language plpgsql
    set search_path = public, pg_temp
as $$
declare
    v_seq    integer;
    v_number text;
    v_id     bigint;
begin
    if p_idempotency_hash is not null then
        -- Serialises retries of one form token: the second waits for the first and then finds its row.
        perform pg_advisory_xact_lock(p_tenant::integer, hashtext(p_idempotency_hash));
        select c.id, c.register_number into v_id, v_number
            from complaint c where c.tenant_id = p_tenant and c.idempotency_hash = p_idempotency_hash;
        if found then
            return query select v_id, v_number, false;
            return;
        end if;
    end if;
    insert into complaint_counter (tenant_id, year, last) values (p_tenant, p_year, 0)
        on conflict (tenant_id, year) do nothing;
    update complaint_counter set last = last + 1 where tenant_id = p_tenant and year = p_year
        returning last into v_seq;
    select 'ADU/' || upper(t.slug) || '/' || p_year || '/' || lpad(v_seq::text, 6, '0') into v_number
        from tenant t where t.id = p_tenant;
    insert into complaint (tenant_id, register_year, register_seq, register_number, channel, category, description,
                           complainant_name, contact_phone, contact_email, consent_at, tracking_hash, idempotency_hash,
                           status, status_since, due_at, filed_at)
        values (p_tenant, p_year, v_seq, v_number, p_channel, p_category, p_description, p_name, p_phone, p_email,
                case when p_consent then p_now end, p_tracking_hash, p_idempotency_hash, 'received', p_now, p_due, p_now)
        returning id into v_id;
    insert into complaint_event (tenant_id, complaint_id, event, from_status, to_status, actor_user_id, actor_label, occurred_at)
        values (p_tenant, v_id, 'file', null, 'received', p_actor_user, p_actor_label, p_now);
    return query select v_id, v_number, true;
end
$$;

-- Which agencies take complaints through the portal, and their categories.
create view portal.complaint_service as
    select s.tenant_id, s.categories
    from public.complaint_settings s join public.tenant t on t.id = s.tenant_id
    where s.enabled and t.status = 'active';

-- Office hours and holidays are public facts: the portal shows them and computes the first step's clock.
create view portal.office_hours as select iso_day_of_week, opens_at, closes_at from public.office_hours;
create view portal.holiday as select day, name from public.holiday;
create view portal.complaint_standard as
    select s.tenant_id, s.verify_minutes from public.complaint_settings s where s.enabled;

-- A citizen's filing through the portal: channel "web", consent required, the agency must take complaints.
-- With a mail subject and body ("{register}" replaced), the receipt is queued in the mail outbox in the same
-- transaction, for a console node to send.
create function portal.file_complaint(p_tenant bigint, p_idempotency_hash text, p_tracking_hash text, p_name text,
                                      p_phone text, p_email text, p_category text, p_description text,
                                      p_now timestamptz, p_due timestamptz, p_year integer,
                                      p_mail_subject text, p_mail_body text)
    returns table (complaint_id bigint, register_number text, created boolean)
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    r record;
begin
    if not exists (select 1 from portal.complaint_service s where s.tenant_id = p_tenant) then
        raise exception 'complaint service is off for tenant %', p_tenant using errcode = 'P0002';
    end if;
    select * into r from public.complaint_file(p_tenant, 'web', p_idempotency_hash, p_tracking_hash, p_name, p_phone,
                                               p_email, p_category, p_description, true, null, 'warga', p_now, p_due, p_year);
    if r.created and p_email is not null and p_mail_subject is not null then
        insert into mail_outbox (tenant_id, purpose, recipient, subject, body_text)
            values (p_tenant, 'complaint_receipt', p_email, replace(p_mail_subject, '{register}', r.register_number),
                    replace(p_mail_body, '{register}', r.register_number));
    end if;
    return query select r.complaint_id, r.register_number, r.created;
end
$$;

-- What a citizen with the right register number and tracking code may read: no names of officers, no
-- internal notes. A wrong code and an unknown number give the same empty answer.
create function portal.track_complaint(p_register text, p_tracking_hash text)
    returns table (complaint_id bigint, tenant_id bigint, register_number text, status text, category text,
                   filed_at timestamptz, answer text, return_reason text, delivered_at timestamptz, closed_at timestamptz)
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select c.id, c.tenant_id, c.register_number, c.status, c.category, c.filed_at,
           case when c.status in ('delivered', 'closed') then c.answer end,
           c.return_reason, c.delivered_at, c.closed_at
    from complaint c
    where c.register_number = upper(btrim(p_register)) and c.tracking_hash = p_tracking_hash;
$$;

create function portal.complaint_history(p_register text, p_tracking_hash text)
    returns table (event text, to_status text, public_text text, occurred_at timestamptz)
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select e.event, e.to_status, e.public_text, e.occurred_at
    from complaint c join complaint_event e on e.complaint_id = c.id and e.tenant_id = c.tenant_id
    where c.register_number = upper(btrim(p_register)) and c.tracking_hash = p_tracking_hash
      and e.event <> 'note'
    order by e.id;
$$;

-- The citizen confirms the answer solved the problem (closed) or reopens the complaint, within 14 days of
-- delivery. Returns the new status, or null when the complaint is not there or not in that state.
create function portal.respond_to_complaint(p_register text, p_tracking_hash text, p_solved boolean, p_comment text,
                                            p_now timestamptz, p_due timestamptz)
    returns text
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    c record;
    v_to text;
begin
    select * into c from complaint
        where register_number = upper(btrim(p_register)) and tracking_hash = p_tracking_hash for update;
    if not found or c.status <> 'delivered' or c.delivered_at < p_now - interval '14 days' then
        return null;
    end if;
    v_to := case when p_solved then 'closed' else 'verified' end;
    insert into complaint_event (tenant_id, complaint_id, event, from_status, to_status, actor_label, public_text,
                                 step_started_at, step_due_at, occurred_at)
        values (c.tenant_id, c.id, case when p_solved then 'confirm' else 'reopen' end, c.status, v_to, 'warga',
                left(p_comment, 2000), c.status_since, c.due_at, p_now);
    update complaint set status = v_to, status_since = p_now,
                         due_at = case when p_solved then null else p_due end,
                         closed_at = case when p_solved then p_now end
        where id = c.id;
    return v_to;
end
$$;

-- Counts one request of a client in the current fixed window; returns the count so far.
create function portal.complaint_rate_hit(p_key text, p_window_seconds integer)
    returns integer
    language sql
    security definer
    set search_path = public, pg_temp
as $$
    insert into complaint_rate (key, window_start, hits)
        values (left(p_key, 100), to_timestamp(floor(extract(epoch from now()) / p_window_seconds) * p_window_seconds), 1)
        on conflict (key, window_start) do update set hits = complaint_rate.hits + 1
        returning hits;
$$;

revoke all on function public.complaint_file(bigint, text, text, text, text, text, text, text, text, boolean, bigint, text,
    timestamptz, timestamptz, integer) from public;
revoke all on function portal.file_complaint(bigint, text, text, text, text, text, text, text, timestamptz, timestamptz,
    integer, text, text) from public;
revoke all on function portal.track_complaint(text, text) from public;
revoke all on function portal.complaint_history(text, text) from public;
revoke all on function portal.respond_to_complaint(text, text, boolean, text, timestamptz, timestamptz) from public;
revoke all on function portal.complaint_rate_hit(text, integer) from public;

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on complaint_settings, office_hours, holiday, complaint_counter, '
                || 'complaint, complaint_event, complaint_attachment, complaint_rate to ${appRole}';
        execute 'grant usage, select on all sequences in schema public to ${appRole}';
        execute 'grant execute on function public.complaint_file(bigint, text, text, text, text, text, text, text, text, '
                || 'boolean, bigint, text, timestamptz, timestamptz, integer) to ${appRole}';
        execute 'grant select on portal.complaint_service, portal.office_hours, portal.holiday, portal.complaint_standard to ${appRole}';
    end if;
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant select on portal.complaint_service, portal.office_hours, portal.holiday, portal.complaint_standard to ${portalRole}';
        execute 'grant execute on function portal.file_complaint(bigint, text, text, text, text, text, text, text, '
                || 'timestamptz, timestamptz, integer, text, text) to ${portalRole}';
        execute 'grant execute on function portal.track_complaint(text, text) to ${portalRole}';
        execute 'grant execute on function portal.complaint_history(text, text) to ${portalRole}';
        execute 'grant execute on function portal.respond_to_complaint(text, text, boolean, text, timestamptz, timestamptz) to ${portalRole}';
        execute 'grant execute on function portal.complaint_rate_hit(text, integer) to ${portalRole}';
    end if;
end
$$;
