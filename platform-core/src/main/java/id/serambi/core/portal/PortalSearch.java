package id.serambi.core.portal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Reader search over what readers may see, through the portal's read-only role: PostgreSQL full text with the
 * {@code indonesian} configuration (so "bangun" finds "membangun"), ranked by cover density with the title
 * weighing most and the newer post first on a tie, with snippets cut from the post's plain text. When the words
 * find nothing, titles that look like them (pg_trgm word similarity, so "musrenbng" finds "Musrenbang") stand
 * in, and the closest title words are offered as a suggestion.
 *
 * <p>On the district portal only posts moderation lets onto it (portal state "visible") are searched; on an
 * agency's site also those hidden from the district portal, exactly as the site lists them. The portal.post view
 * already leaves out everything unpublished or deleted.
 */
@Singleton
public class PortalSearch {
    private static final String CONFIG = "'indonesian'";
    private static final String QUERY = "websearch_to_tsquery(" + CONFIG + ", ?)";
    /** Where ts_headline marks matches; the markers are stripped from post text (portal.plain_text) beforehand. */
    private static final String MARKS = "StartSel=" + SearchHit.MARK_START + ", StopSel=" + SearchHit.MARK_END;
    private static final String SNIPPET_OPTIONS = MARKS + ", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final String TITLE_OPTIONS = MARKS + ", HighlightAll=true";
    /** A query word is replaced in a suggestion only by a title word at least this similar (pg_trgm similarity). */
    private static final double SUGGESTION_SIMILARITY = 0.45;
    private static final int LATEST_WHEN_NOTHING = 5;

    private final DSLContext db;
    private final PortalQueries queries;
    private final ZoneId zone;

    PortalSearch(@Named(PortalQueries.DATASOURCE) DSLContext db, PortalQueries queries, ZoneId zone) {
        this.db = db;
        this.queries = queries;
        this.zone = zone;
    }

    /**
     * One page of results. When the full-text search finds nothing, similar titles take its place; when those
     * are none either, the newest posts of the same place and, if a title word is close, a suggestion.
     */
    @ReadOnly(PortalQueries.DATASOURCE)
    public SearchResults search(SearchCriteria criteria) {
        Filter filter = filter(criteria);
        int total = countFullText(criteria.text(), filter);
        if (total > 0) {
            return new SearchResults(criteria, fullText(criteria, filter), total, false, null, List.of());
        }
        int similar = countSimilarTitles(criteria.text(), filter);
        String suggestion = suggestion(criteria.text(), filter);
        if (similar > 0) {
            return new SearchResults(criteria, similarTitles(criteria, filter), similar, true, suggestion, List.of());
        }
        return new SearchResults(criteria, List.of(), 0, false, suggestion, latest(criteria));
    }

    private int countFullText(String text, Filter filter) {
        List<Object> binds = new ArrayList<>(List.of(text));
        binds.addAll(filter.binds());
        return db.fetchOne("select count(*) from (select 1 from portal.post p join portal.tenant t on t.id = p.tenant_id "
                + "where p.search @@ " + QUERY + filter.sql() + " limit " + SearchResults.COUNT_LIMIT + ") found",
                binds.toArray()).get(0, Integer.class);
    }

    private List<SearchHit> fullText(SearchCriteria criteria, Filter filter) {
        List<Object> binds = new ArrayList<>(List.of(criteria.text(), criteria.text(), criteria.text(), criteria.text()));
        binds.addAll(filter.binds());
        binds.add(SearchCriteria.PAGE_SIZE);
        binds.add((criteria.page() - 1) * SearchCriteria.PAGE_SIZE);
        // Rank and cut the page first; snippets (the costly part) are made for the ten posts shown only. Ranking
        // reads every candidate's vector, so a very common word ranks only its newest RANKED_CANDIDATES matches
        // (as many as the pages offer): a news portal prefers the recent ones anyway.
        String sql = "select r.id, r.tenant_slug, r.tenant_name, r.kind, r.slug, r.title, r.published_at, "
                + "ts_headline(" + CONFIG + ", r.title, " + QUERY + ", '" + TITLE_OPTIONS + "') as title_marked, "
                + "ts_headline(" + CONFIG + ", coalesce(r.summary || ' · ', '') || portal.plain_text(r.body_html), "
                + QUERY + ", '" + SNIPPET_OPTIONS + "') as snippet "
                + "from (select c.*, ts_rank_cd(c.search, " + QUERY + ") as rank "
                + "from (select p.id, t.slug as tenant_slug, t.name as tenant_name, p.kind, p.slug, p.title, p.summary, "
                + "p.body_html, p.published_at, p.search "
                + "from portal.post p join portal.tenant t on t.id = p.tenant_id "
                + "where p.search @@ " + QUERY + filter.sql()
                + " order by p.published_at desc, p.id desc limit " + SearchResults.COUNT_LIMIT + ") c "
                + "order by rank desc, c.published_at desc, c.id desc limit ? offset ?) r "
                + "order by r.rank desc, r.published_at desc, r.id desc";
        // The binds go in order of appearance: title headline, snippet headline, rank, match, filters, page.
        return db.resultQuery(sql, binds.toArray()).fetch(this::toHit);
    }

    private int countSimilarTitles(String text, Filter filter) {
        List<Object> binds = new ArrayList<>(List.of(text));
        binds.addAll(filter.binds());
        return db.fetchOne("select count(*) from (select 1 from portal.post p join portal.tenant t on t.id = p.tenant_id "
                + "where p.title operator(extensions.%>) ?" + filter.sql() + " limit " + SearchResults.COUNT_LIMIT + ") found",
                binds.toArray()).get(0, Integer.class);
    }

    private List<SearchHit> similarTitles(SearchCriteria criteria, Filter filter) {
        List<Object> binds = new ArrayList<>(List.of(criteria.text()));
        binds.addAll(filter.binds());
        binds.addAll(List.of(criteria.text(), SearchCriteria.PAGE_SIZE, (criteria.page() - 1) * SearchCriteria.PAGE_SIZE));
        String sql = "select p.id, t.slug as tenant_slug, t.name as tenant_name, p.kind, p.slug, p.title, p.published_at, "
                + "null::text as title_marked, "
                + "left(coalesce(nullif(p.summary, ''), portal.plain_text(p.body_html)), 240) as snippet "
                + "from portal.post p join portal.tenant t on t.id = p.tenant_id "
                + "where p.title operator(extensions.%>) ?" + filter.sql()
                + " order by extensions.word_similarity(?, p.title) desc, p.published_at desc, p.id desc limit ? offset ?";
        return db.resultQuery(sql, binds.toArray()).fetch(this::toHit);
    }

    /**
     * The query with each word replaced by the most similar word of a title where the reader searches, or null
     * when no word has a close one that differs.
     */
    private String suggestion(String text, Filter filter) {
        Set<String> words = new LinkedHashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        words.remove("");
        if (words.isEmpty() || words.size() > 6) {
            return null;
        }
        // Candidate titles by the trigram index at a looser threshold; the best single word in them wins.
        db.execute("select set_config('pg_trgm.word_similarity_threshold', '0.5', true)");
        List<String> suggested = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            String best = word.length() < 3 ? null : closestTitleWord(word, filter);
            if (best != null && !best.equals(word)) {
                suggested.add(best);
                changed = true;
            } else {
                suggested.add(word);
            }
        }
        return changed ? String.join(" ", suggested) : null;
    }

    private String closestTitleWord(String word, Filter filter) {
        List<Object> binds = new ArrayList<>(List.of(word));
        binds.addAll(filter.binds());
        binds.addAll(List.of(word, SUGGESTION_SIMILARITY, word));
        Record best = db.fetchOne("select w from (select distinct lower(regexp_split_to_table(title, '[^[:alnum:]]+')) as w "
                + "from (select p.title from portal.post p join portal.tenant t on t.id = p.tenant_id "
                + "where p.title operator(extensions.%>) ?" + filter.sql() + " limit 200) candidates) words "
                + "where length(w) >= 3 and extensions.similarity(w, ?) >= ? "
                + "order by extensions.similarity(w, ?) desc, w limit 1", binds.toArray());
        return best == null ? null : best.get(0, String.class);
    }

    /** The agencies a reader may narrow a portal search to (sites that are not suspended), by name. */
    @ReadOnly(PortalQueries.DATASOURCE)
    public List<AgencyName> agencies() {
        return db.resultQuery("select slug, name from portal.tenant where status <> 'suspended' order by name")
                .fetch(r -> new AgencyName(r.get(0, String.class), r.get(1, String.class)));
    }

    /** An agency as the search form's filter offers it. */
    public record AgencyName(String slug, String name) {
    }

    private List<PortalPost> latest(SearchCriteria criteria) {
        return criteria.site() == null ? queries.latestOnPortal(LATEST_WHEN_NOTHING)
                : queries.latestOfTenant(criteria.site(), LATEST_WHEN_NOTHING);
    }

    private Filter filter(SearchCriteria c) {
        StringBuilder sql = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        if (c.site() == null) {
            sql.append(" and p.portal_state = 'visible'");
        } else {
            sql.append(" and p.tenant_id = ? and p.portal_state in ('visible', 'pending', 'hidden')");
            binds.add(c.site().value());
        }
        if (c.agencySlug() != null) {
            sql.append(" and t.slug = ?");
            binds.add(c.agencySlug());
        }
        if (c.kind() != null) {
            sql.append(" and p.kind = ?");
            binds.add(c.kind());
        }
        if (c.from() != null) {
            // An ISO text with an explicit cast: a bound OffsetDateTime goes out as a string PostgreSQL may misread.
            sql.append(" and p.published_at >= cast(? as timestamptz)");
            binds.add(c.from().atStartOfDay(zone).toOffsetDateTime().toString());
        }
        if (c.to() != null) {
            sql.append(" and p.published_at < cast(? as timestamptz)");
            binds.add(c.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString());
        }
        return new Filter(sql.toString(), binds);
    }

    private record Filter(String sql, List<Object> binds) {
    }

    private SearchHit toHit(Record r) {
        String title = r.get("title", String.class);
        String titleMarked = r.get("title_marked", String.class);
        return new SearchHit(r.get("id", Long.class), r.get("tenant_slug", String.class), r.get("tenant_name", String.class),
                r.get("kind", String.class), r.get("slug", String.class), title,
                SearchHit.segments(titleMarked == null ? title : titleMarked),
                SearchHit.segments(r.get("snippet", String.class)), r.get("published_at", OffsetDateTime.class));
    }
}
