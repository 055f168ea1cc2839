-- Reader search (issue 4): typo-tolerant title matching with pg_trgm beside the full-text index of V1, and the
-- plain text of a post that search snippets are cut from.

-- pg_trgm lives in a schema of its own: the portal role may not use schema public (V2), and must still call
-- word_similarity and use the trigram operators. A pg_trgm a DBA installed elsewhere is moved there.
create schema if not exists extensions;
do $$
begin
    if not exists (select from pg_extension where extname = 'pg_trgm') then
        create extension pg_trgm with schema extensions;
    elsif (select extnamespace::regnamespace::text from pg_extension where extname = 'pg_trgm') <> 'extensions' then
        alter extension pg_trgm set schema extensions;
    end if;
end
$$;

-- "musrenbng" finds "Musrenbang": word_similarity on titles, served by this index.
create index post_title_trgm_idx on post using gin (title extensions.gin_trgm_ops);

-- The text of sanitised HTML: tags become spaces and the entities the sanitiser writes become characters again.
-- The result is plain text, not HTML: whoever shows it must escape it. Control characters 2 and 3 are dropped,
-- because search snippets use them as highlight markers.
create function portal.plain_text(html text) returns text
    language sql immutable parallel safe
    return translate(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
            regexp_replace(html, '<[^>]*>', ' ', 'g'),
            '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#34;', '"'), '&#39;', ''''), '&#43;', '+'),
            '&#61;', '='), '&#64;', '@'), '&#96;', '`'), '&nbsp;', ' '), '&amp;', '&'),
        chr(2) || chr(3), '');

do $$
begin
    if exists (select from pg_roles where rolname = '${portalRole}') then
        execute 'grant usage on schema extensions to ${portalRole}';
        execute 'grant execute on function portal.plain_text(text) to ${portalRole}';
    end if;
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'grant usage on schema extensions to ${appRole}';
        execute 'grant execute on function portal.plain_text(text) to ${appRole}';
    end if;
end
$$;
