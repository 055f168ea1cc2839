package id.serambi.core.feed;

import static id.serambi.core.jooq.public_.Tables.EXTERNAL_FEED;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.i18n.Messages;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.post.PostService;
import id.serambi.core.safety.ContentSafetyService;
import id.serambi.core.safety.HtmlSanitizer;
import id.serambi.core.safety.HtmlText;
import id.serambi.core.safety.SpamVerdict;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.TextClip;
import id.serambi.core.tenant.PortalModeration;
import id.serambi.core.tenant.SlugRules;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Feeds of agencies' own websites, the feature's public face: an agency's admin (or Kominfo's) registers the
 * RSS/Atom address of the site the agency already runs, and {@link FeedPoller} turns its new items into
 * published news posts, which count toward the weekly quota like any other. Items pass the same spam guard
 * and HTML sanitiser as the newsroom's posts and follow the tenant's portal moderation.
 */
@Singleton
public class FeedService {
    public static final int URL_MAX = 2000;
    /** Enough for an agency with a main site and a few sub-sites; more would be a sign of misuse. */
    public static final int FEEDS_PER_TENANT_MAX = 5;
    static final int GUID_MAX = 1000;
    /** The agency's admins hear of a failing feed after this many failures in a row. */
    static final int FAILURES_BEFORE_NOTICE = 3;
    private static final Logger LOG = LoggerFactory.getLogger(FeedService.class);
    private static final Actor POLLER = Actor.system("feed-poller");

    private final FeedRepository feeds;
    private final Access access;
    private final AuditService audit;
    private final FeedSettings settings;
    private final HtmlSanitizer sanitizer;
    private final ContentSafetyService safety;
    private final CacheGenerations cache;
    private final Clock clock;
    private final NotificationService notifications;

    FeedService(FeedRepository feeds, Access access, AuditService audit, FeedSettings settings,
                HtmlSanitizer sanitizer, ContentSafetyService safety, CacheGenerations cache, Clock clock,
                NotificationService notifications) {
        this.notifications = notifications;
        this.feeds = feeds;
        this.access = access;
        this.audit = audit;
        this.settings = settings;
        this.sanitizer = sanitizer;
        this.safety = safety;
        this.cache = cache;
        this.clock = clock;
    }

    /** The tenant's feeds with their polling state. */
    @ReadOnly
    public List<ExternalFeed> feeds(Actor actor, String tenantSlug) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_FEEDS, tenantSlug);
        return feeds.list(EXTERNAL_FEED.TENANT_ID.eq(tenant.value()));
    }

    /** Every tenant's feeds, for Kominfo; with {@code failingOnly}, those whose last poll failed. */
    @ReadOnly
    public List<ExternalFeed> allFeeds(Actor actor, boolean failingOnly) {
        access.require(actor, Action.VIEW_FEEDS);
        return feeds.list(failingOnly ? EXTERNAL_FEED.CONSECUTIVE_FAILURES.gt(0) : DSL.trueCondition());
    }

    @ReadOnly
    public ExternalFeed feed(Actor actor, String tenantSlug, long id) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_FEEDS, tenantSlug);
        return feeds.find(tenant, id).orElseThrow(() -> new NotFoundException("feed " + id));
    }

    /**
     * Registers a feed address: http or https, at most {@link #URL_MAX} characters, a host that resolves to
     * public addresses only, not yet registered for this tenant. The first poll follows within a minute.
     */
    @Transactional
    public ExternalFeed register(Actor actor, String tenantSlug, String url) {
        TenantId tenant = access.requireInTenant(actor, Action.MANAGE_FEEDS, tenantSlug);
        String clean = url == null ? "" : url.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException(FieldError.of("url", "validation.feed.url.required"));
        }
        if (clean.length() > URL_MAX) {
            throw new InvalidInputException(FieldError.of("url", "validation.feed.url.too_long", URL_MAX));
        }
        try {
            AddressPolicy.check(FeedFetcher.parse(clean), settings.allowPrivateAddresses());
        } catch (FeedFailure e) {
            throw new InvalidInputException(new FieldError("url", e.messageKey(), List.of(e.args())));
        }
        if (feeds.urlTaken(tenant, clean)) {
            throw new InvalidInputException(FieldError.of("url", "validation.feed.url.taken"));
        }
        if (feeds.count(tenant) >= FEEDS_PER_TENANT_MAX) {
            throw new InvalidInputException(FieldError.of("url", "validation.feed.limit", FEEDS_PER_TENANT_MAX));
        }
        ExternalFeed feed = feeds.insert(tenant, clean, actor.userId(), OffsetDateTime.now(clock));
        audit.record(actor, tenant, "feed.register", "external_feed", String.valueOf(feed.id()), Map.of("url", clean));
        return feed;
    }

    /** Switches polling off or on; switching on starts afresh (no back-off) and polls at once. */
    @Transactional
    public ExternalFeed setEnabled(Actor actor, String tenantSlug, long id, Boolean enabled) {
        TenantId tenant = access.requireInTenant(actor, Action.MANAGE_FEEDS, tenantSlug);
        if (enabled == null) {
            throw new InvalidInputException(FieldError.of("enabled", "validation.feed.enabled.required"));
        }
        ExternalFeed feed = feeds.find(tenant, id).orElseThrow(() -> new NotFoundException("feed " + id));
        feeds.setEnabled(tenant, id, enabled, OffsetDateTime.now(clock));
        audit.record(actor, tenant, enabled ? "feed.enable" : "feed.disable", "external_feed", String.valueOf(id),
                Map.of("url", feed.url()));
        return feeds.find(tenant, id).orElseThrow();
    }

    /** Asks for a poll at the next round, after the agency fixed its site. */
    @Transactional
    public ExternalFeed pollSoon(Actor actor, String tenantSlug, long id) {
        TenantId tenant = access.requireInTenant(actor, Action.MANAGE_FEEDS, tenantSlug);
        ExternalFeed feed = feeds.find(tenant, id).orElseThrow(() -> new NotFoundException("feed " + id));
        feeds.pollSoon(tenant, id, OffsetDateTime.now(clock));
        audit.record(actor, tenant, "feed.poll_requested", "external_feed", String.valueOf(id), Map.of("url", feed.url()));
        return feeds.find(tenant, id).orElseThrow();
    }

    /** Removes the registration; posts already taken from the feed stay (they are the agency's posts now). */
    @Transactional
    public void remove(Actor actor, String tenantSlug, long id) {
        TenantId tenant = access.requireInTenant(actor, Action.MANAGE_FEEDS, tenantSlug);
        ExternalFeed feed = feeds.find(tenant, id).orElseThrow(() -> new NotFoundException("feed " + id));
        feeds.delete(tenant, id);
        audit.record(actor, tenant, "feed.remove", "external_feed", String.valueOf(id), Map.of("url", feed.url()));
    }

    // --- the poller's side (package-private: FeedPoller is the only caller) ---

    @Transactional
    List<FeedRepository.Claimed> claimDue(int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The lease outlasts a whole batch of fetches that each time out.
        return feeds.claimDue(now, now.plus(settings.timeout().multipliedBy(limit + 1L)).plusMinutes(1), limit);
    }

    /** The server had nothing new (304): a success that changes nothing else. */
    @Transactional
    void recordNotModified(FeedRepository.Claimed feed) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        feeds.markSuccess(feed.id(), null, null, true, now, now.plus(settings.interval()));
    }

    /** Records a failed poll with its Indonesian reason and schedules the next try with back-off. */
    @Transactional
    void recordFailure(FeedRepository.Claimed feed, String messageKey, Object... args) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String reason = Messages.of(Messages.INDONESIAN).get(messageKey, args);
        int failures = feed.consecutiveFailures() + 1;
        feeds.markFailure(feed.id(), reason, now, now.plus(settings.backOff(failures)));
        if (failures == FAILURES_BEFORE_NOTICE) {
            // Once per run of failures (about 1¾ hours in), not at every hiccup of the agency's server.
            notifications.send(feeds.tenantAdmins(feed.tenant()), feed.tenant(), "feed.failing", "notify.feed.failing",
                    List.of(feed.url(), reason), "/admin/t/" + feed.tenantSlug() + "/feed",
                    "feed.failing:" + feed.id() + ":" + now.toLocalDate());
        }
        LOG.info("feed {} of {} failed ({} in a row): {}", feed.id(), feed.tenantSlug(), failures, reason);
    }

    /**
     * Turns the new items of one fetched feed into published posts, all in one transaction with the feed's
     * success mark: a feed's round is wholly done or (on an unexpected error) left for the next round.
     * Returns how many posts were created.
     */
    @Transactional
    int ingest(FeedRepository.Claimed feed, List<FeedItem> items, String etag, String lastModified) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PortalModeration mode = PortalModeration.parse(feed.portalModeration()).orElse(PortalModeration.POST);
        String portalState = mode.portalStateOnPublish();
        List<FeedItem> oldestFirst = new ArrayList<>(items);
        java.util.Collections.reverse(oldestFirst); // feeds list the newest first; ids then follow time
        int created = 0;
        Map<String, Boolean> seenThisRound = new LinkedHashMap<>();
        for (FeedItem item : oldestFirst) {
            String guid = guidOf(item);
            if (guid == null || seenThisRound.put(guid, true) != null || feeds.known(feed.tenant(), feed.id(), guid)) {
                continue;
            }
            Optional<Long> post = ingestItem(feed, item, guid, portalState, mode.reviewedAfterPublication(), now);
            if (post.isPresent()) {
                created++;
            }
        }
        feeds.markSuccess(feed.id(), etag, lastModified, false, now, now.plus(settings.interval()));
        if (created > 0) {
            cache.bump(feed.tenant());
        }
        return created;
    }

    private Optional<Long> ingestItem(FeedRepository.Claimed feed, FeedItem item, String guid, String portalState,
                                      boolean unreviewed, OffsetDateTime now) {
        String rawBody = item.bodyHtml() == null ? "" : item.bodyHtml();
        String title = titleOf(item, rawBody);
        if (title.isEmpty()) {
            return Optional.empty(); // nothing to call it by: not a news item
        }
        String summary = item.summaryHtml() == null ? null
                : blankToNull(TextClip.clip(HtmlText.of(item.summaryHtml()).strip(), PostService.SUMMARY_MAX));
        // The spam guard reads the raw HTML, as for the newsroom: the sanitiser removes the evidence of hiding.
        SpamVerdict spam = safety.inspectSubmission(title, summary, rawBody);
        if (spam.isSpam()) {
            safety.recordSpamIncident(POLLER, feed.tenant(), null, "publish", title, spam);
            feeds.reject(feed.tenant(), feed.id(), guid, ContentSafetyService.INCIDENT_GAMBLING_SPAM, now);
            return Optional.empty();
        }
        String body = sanitizer.clean(rawBody);
        if (body.length() > PostService.BODY_MAX) {
            LOG.info("feed {} item {} skipped: body of {} characters", feed.id(), guid, body.length());
            return Optional.empty();
        }
        String slug = freeSlug(feed.tenant(), SlugRules.fromTitle(title));
        Optional<Long> id = feeds.insertPost(feed.tenant(), new FeedRepository.NewPost(title, slug, summary, body,
                displayDate(item, now), sourceUrl(item.link()), guid, portalState,
                unreviewed), now);
        id.ifPresent(postId -> {
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("title", title);
            detail.put("feed", String.valueOf(feed.id()));
            detail.put("guid", guid);
            detail.put("portalState", portalState);
            audit.record(POLLER, feed.tenant(), "post.feed_import", "post", String.valueOf(postId), detail);
        });
        return id;
    }

    // Titles are plain text: a feed's title may carry escaped markup, which is read as text, never rendered.
    private static String titleOf(FeedItem item, String rawBody) {
        String title = TextClip.clip(HtmlText.of(item.title()).replaceAll("\\s+", " ").strip(), PostService.TITLE_MAX);
        return title.isEmpty() ? TextClip.clip(HtmlText.of(rawBody).replaceAll("\\s+", " ").strip(), 80) : title;
    }

    // A date in the future would keep an item at the top of every list; one before the web is a typo.
    private static OffsetDateTime displayDate(FeedItem item, OffsetDateTime now) {
        OffsetDateTime date = item.date();
        return date == null || date.isAfter(now) || date.getYear() < 1990 ? now : date;
    }

    /** The item's identity: its GUID (or Atom id), else its link; null when it has neither or it is absurd. */
    static String guidOf(FeedItem item) {
        String guid = blankToNull(item.guid());
        if (guid == null) {
            guid = blankToNull(item.link());
        }
        return guid == null || guid.length() > GUID_MAX ? null : guid;
    }

    /** The link back to the original, when it is an ordinary web address. */
    static String sourceUrl(String link) {
        String value = blankToNull(link);
        if (value == null || value.length() > URL_MAX) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && value.matches("^https?://.*") ? value : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private String freeSlug(TenantId tenant, String base) {
        Set<String> taken = new java.util.HashSet<>(feeds.slugsLike(tenant, base));
        taken.addAll(SlugRules.RESERVED_POST_SLUGS);
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = SlugRules.withSuffix(base, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
