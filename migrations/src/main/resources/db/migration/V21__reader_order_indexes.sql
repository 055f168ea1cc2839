-- Reader lists are ordered by the date a post shows (the display date the newsroom chose, else the publication
-- date). Without these indexes the district home sorted every published post on each uncached render.
create index post_shown_idx on post ((coalesce(display_date, published_at)) desc, id desc)
    where status = 'published' and deleted_at is null;
create index post_tenant_shown_idx on post (tenant_id, (coalesce(display_date, published_at)) desc, id desc)
    where status = 'published' and deleted_at is null;
