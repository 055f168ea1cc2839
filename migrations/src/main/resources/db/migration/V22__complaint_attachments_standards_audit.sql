-- Complaints, second cut: the portal learns every time standard of an agency (not only verify_minutes), the
-- citizen's own files are attached at filing, and the citizen's steps (filing, confirming, reopening) are in the
-- audit log like every officer's step. Function signatures stay as in V19, so grants stay as they were.

-- Every standard of every agency that has settings: the portal computes the first step's clock at filing and
-- the answer's clock when a citizen reopens (an agency that has since switched the service off keeps its
-- standards for complaints already filed). Columns are appended so that "create or replace" keeps the view.
create or replace view portal.complaint_standard as
    select s.tenant_id, s.verify_minutes, s.receive_minutes, s.record_minutes, s.answer_minutes,
           s.escalated_answer_days, s.deliver_minutes
    from public.complaint_settings s;

-- Filing, now with its audit entry (no name, no contact: the register number and the channel only).
create or replace function portal.file_complaint(p_tenant bigint, p_idempotency_hash text, p_tracking_hash text, p_name text,
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
    if r.created then
        insert into audit_log (occurred_at, actor_label, tenant_id, action, subject_type, subject_id, detail)
            values (p_now, 'warga', p_tenant, 'complaint.file', 'complaint', r.register_number,
                    jsonb_build_object('channel', 'web'));
        if p_email is not null and p_mail_subject is not null then
            insert into mail_outbox (tenant_id, purpose, recipient, subject, body_text)
                values (p_tenant, 'complaint_receipt', p_email, replace(p_mail_subject, '{register}', r.register_number),
                        replace(p_mail_body, '{register}', r.register_number));
        end if;
    end if;
    return query select r.complaint_id, r.register_number, r.created;
end
$$;

-- The citizen's answer to a delivered complaint, now with its audit entry.
create or replace function portal.respond_to_complaint(p_register text, p_tracking_hash text, p_solved boolean, p_comment text,
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
    insert into audit_log (occurred_at, actor_label, tenant_id, action, subject_type, subject_id, detail)
        values (p_now, 'warga', c.tenant_id, case when p_solved then 'complaint.confirm' else 'complaint.reopen' end,
                'complaint', c.register_number, jsonb_build_object('from', c.status, 'to', v_to));
    return v_to;
end
$$;

-- A citizen's file, attached in the transaction that filed the complaint. Only with the complaint's tracking
-- hash (which only the filer has), only to a web complaint still waiting to be verified, at most three, and only
-- what the application's upload safety lets through (a re-encoded image or a checked PDF). Returns the id.
create function portal.attach_complaint_file(p_complaint bigint, p_tracking_hash text, p_file_name text,
                                             p_content_type text, p_content bytea, p_now timestamptz)
    returns bigint
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    c record;
    v_id bigint;
begin
    select * into c from complaint where id = p_complaint and tracking_hash = p_tracking_hash for update;
    if not found or c.channel <> 'web' or c.status <> 'received' then
        raise exception 'no complaint to attach to' using errcode = 'P0002';
    end if;
    if p_content_type not in ('image/jpeg', 'image/png', 'application/pdf') or octet_length(p_content) > 5242880 then
        raise exception 'attachment refused' using errcode = '22023';
    end if;
    if (select count(*) from complaint_attachment a where a.complaint_id = c.id and a.event_id is null) >= 3 then
        raise exception 'at most three attachments' using errcode = '22023';
    end if;
    insert into complaint_attachment (tenant_id, complaint_id, event_id, file_name, content_type, content, created_at)
        values (c.tenant_id, c.id, null, left(p_file_name, 200), p_content_type, p_content, p_now)
        returning id into v_id;
    insert into audit_log (occurred_at, actor_label, tenant_id, action, subject_type, subject_id, detail)
        values (p_now, 'warga', c.tenant_id, 'complaint.attach', 'complaint', c.register_number,
                jsonb_build_object('type', p_content_type, 'bytes', octet_length(p_content)));
    return v_id;
end
$$;

revoke all on function portal.attach_complaint_file(bigint, text, text, text, bytea, timestamptz) from public;

do $$
begin
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant execute on function portal.attach_complaint_file(bigint, text, text, text, bytea, timestamptz) to ${portalRole}';
    end if;
end
$$;
