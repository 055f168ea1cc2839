package id.serambi.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.i18n.MessageKey;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/**
 * An agency's media library: uploads checked by their bytes (see {@link FileInspector}), images re-encoded
 * into several widths, files kept in the {@link MediaStorage}, every upload, refusal and deletion audited.
 * Decoding and resizing happen outside any database transaction, so a slow image never holds a connection.
 */
@Singleton
public class MediaService {
    public static final int ALT_TEXT_MAX = 300;
    public static final String ORIGINAL = "original";
    private static final Logger LOG = LoggerFactory.getLogger(MediaService.class);
    private static final Pattern MEDIA_REFERENCE = Pattern.compile(
            "/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:/|\\b)");

    private final MediaRepository media;
    private final MediaStorage storage;
    private final MediaSettings settings;
    private final Access access;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final id.serambi.core.cache.CacheGenerations cache;

    MediaService(MediaRepository media, MediaStorage storage, MediaSettings settings, Access access, AuditService audit,
                 TransactionOperations<Connection> tx, Clock clock, id.serambi.core.cache.CacheGenerations cache) {
        this.cache = cache;
        this.media = media;
        this.storage = storage;
        this.settings = settings;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Accepts one uploaded file into the tenant's library, or refuses it with a field error on "file" that says
     * why in the user's words. The stream is read at most to the largest size any kind allows, plus one byte.
     */
    public MediaItem upload(Actor actor, String tenantSlug, String originalName, InputStream content, String altText) {
        TenantId tenant = tx.executeRead(status -> access.requireInTenant(actor, Action.UPLOAD_MEDIA, tenantSlug));
        String alt = cleanAltText(altText);
        Path temp = null;
        List<String> written = new ArrayList<>();
        try {
            temp = Files.createTempFile("serambi-upload-", ".bin");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                size = copyAtMost(content, out, settings.maxUploadBytes() + 1);
            }
            FileType type = FileInspector.identify(originalName, temp);
            long limit = settings.maxBytes(type.kind());
            if (size > limit) {
                throw FileInspector.refused("media.refused.too_large",
                        size > settings.maxUploadBytes() ? "> " + MediaSettings.humanSize(settings.maxUploadBytes())
                                : MediaSettings.humanSize(size),
                        new MessageKey(type.kind().messageKey()), MediaSettings.humanSize(limit));
            }
            FileInspector.checkContent(type, temp);
            String extension = FileInspector.extensionOf(originalName);
            String fileName = FileNames.sanitise(originalName, extension);
            MediaId id = new MediaId(UUID.randomUUID());
            Integer width = null;
            Integer height = null;
            List<String> variants = new ArrayList<>();
            String contentType = type.contentType(extension);
            if (type.kind() == MediaKind.IMAGE) {
                ImageProcessor.Processed image = ImageProcessor.process(type, Files.readAllBytes(temp), settings.maxPixels());
                for (ImageProcessor.Variant variant : image.variants()) {
                    String key = MediaStorage.key(tenant, id, variant.name());
                    storage.put(key, variant.bytes(), image.contentType());
                    written.add(key);
                    variants.add(variant.name());
                }
                width = image.width();
                height = image.height();
                contentType = image.contentType();
            } else {
                String key = MediaStorage.key(tenant, id, ORIGINAL);
                storage.put(key, temp, contentType);
                written.add(key);
                variants.add(ORIGINAL);
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            MediaKind kind = type.kind();
            String storedType = contentType;
            Integer w = width;
            Integer h = height;
            long bytes = size;
            MediaItem item = tx.executeWrite(status -> {
                MediaItem inserted = media.insert(tenant, id, kind, storedType, fileName, bytes, digest, w, h, variants,
                        alt, null, actor.userId());
                audit.record(actor, tenant, "media.upload", "media", id.toString(), Map.of("fileName", fileName,
                        "kind", kind.dbValue(), "bytes", String.valueOf(bytes), "sha256", digest));
                return inserted;
            });
            written.clear();
            return item;
        } catch (InvalidInputException refusal) {
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("fileName", FileNames.sanitise(originalName, "bin"));
            detail.put("reason", refusal.errors().get(0).messageKey());
            audit.recordRefusal(actor, tenant, "media.upload_refused", "media", null, detail);
            throw refusal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            written.forEach(this::deleteQuietly);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Could not remove the upload's temporary file {}", temp);
                }
            }
        }
    }

    /** A YouTube video by its link; only the video id is kept (readers get a youtube-nocookie embed). */
    public MediaItem addYouTube(Actor actor, String tenantSlug, String link, String title, String altText) {
        TenantId tenant = tx.executeRead(status -> access.requireInTenant(actor, Action.UPLOAD_MEDIA, tenantSlug));
        String videoId = YouTubeLinks.videoId(link).orElseThrow(() ->
                new InvalidInputException(FieldError.of("url", "media.youtube.invalid")));
        String alt = cleanAltText(altText);
        String name = title == null || title.isBlank() ? "YouTube " + videoId : FileNames.sanitise(title, "youtube");
        MediaId id = new MediaId(UUID.randomUUID());
        return tx.executeWrite(status -> {
            MediaItem item = media.insert(tenant, id, MediaKind.YOUTUBE, "video/youtube", name, 0, null, null, null,
                    List.of(), alt, videoId, actor.userId());
            audit.record(actor, tenant, "media.upload", "media", id.toString(),
                    Map.of("kind", "youtube", "youtubeId", videoId, "fileName", name));
            return item;
        });
    }

    public List<MediaItem> list(Actor actor, String tenantSlug, int limit) {
        return tx.executeRead(status -> media.latest(access.requireInTenant(actor, Action.READ_MEDIA, tenantSlug), limit));
    }

    /** An item of the tenant; another tenant's item answers exactly like a missing one. */
    public MediaItem get(Actor actor, String tenantSlug, MediaId id) {
        return tx.executeRead(status -> media.find(access.requireInTenant(actor, Action.READ_MEDIA, tenantSlug), id)
                .orElseThrow(() -> new NotFoundException("media " + id)));
    }

    public MediaItem setAltText(Actor actor, String tenantSlug, MediaId id, String altText) {
        String alt = cleanAltText(altText);
        return tx.executeWrite(status -> {
            TenantId tenant = access.requireInTenant(actor, Action.UPLOAD_MEDIA, tenantSlug);
            MediaItem item = media.setAltText(tenant, id, alt).orElseThrow(() -> new NotFoundException("media " + id));
            audit.record(actor, tenant, "media.alt_text", "media", id.toString(),
                    Map.of("altText", alt == null ? "" : alt));
            // Published pages show the alt text: cached copies must go.
            cache.bump(tenant);
            return item;
        });
    }

    /** Removes the item from the library and its files from the storage; the audit trail keeps what it was. */
    public void delete(Actor actor, String tenantSlug, MediaId id) {
        MediaItem deleted = tx.executeWrite(status -> {
            TenantId tenant = access.requireInTenant(actor, Action.DELETE_MEDIA, tenantSlug);
            MediaItem item = media.markDeleted(tenant, id, OffsetDateTime.now(clock))
                    .orElseThrow(() -> new NotFoundException("media " + id));
            audit.record(actor, tenant, "media.delete", "media", id.toString(),
                    Map.of("fileName", item.fileName(), "kind", item.kind().dbValue()));
            // Pages that showed it (featured images, galleries) must not keep pointing at it from a cache.
            cache.bump(tenant);
            return item;
        });
        // After the commit: should removing a file fail, the row is already gone for everyone.
        deleted.variants().forEach(v -> deleteQuietly(MediaStorage.key(deleted.tenantId(), deleted.id(), v)));
    }

    /** A file of the tenant's item for the console (any non-deleted item, also those no post uses yet). */
    public MediaFile open(Actor actor, String tenantSlug, MediaId id, String variant) {
        MediaItem item = get(actor, tenantSlug, id);
        return openStored(item.tenantId(), item.id(), item.kind(), item.contentType(), item.fileName(), item.variants(), variant);
    }

    /**
     * A stored file with its safe headers, for callers that already know the item may be shown (the portal,
     * which found it through the {@code portal.media} view).
     */
    public MediaFile openStored(TenantId tenant, MediaId id, MediaKind kind, String contentType, String fileName,
                                List<String> variants, String variant) {
        if (!variants.contains(variant)) {
            throw new NotFoundException("media variant " + variant);
        }
        try {
            InputStream in = storage.open(MediaStorage.key(tenant, id, variant))
                    .orElseThrow(() -> new NotFoundException("media file " + id + "/" + variant));
            return MediaFile.of(in, kind, contentType, fileName, variant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Seam for publishing: refuses (field "media") when any of the given images of the tenant has no alt text.
     * The publishing step passes the ids a post uses, e.g. {@link #referencedIn(String)} of its body plus its
     * featured image. Unknown or deleted ids are ignored here; the editor is where missing media are reported.
     */
    public void requireAltTextFor(TenantId tenant, Collection<MediaId> used) {
        List<MediaItem> missing = missingAltText(tenant, used);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(FieldError.of("media", "media.alt_text.required_for_publish",
                    missing.stream().map(MediaItem::fileName).collect(Collectors.joining(", "))));
        }
    }

    /** The images among {@code used} that lack alt text, for an editor to list before publishing. */
    public List<MediaItem> missingAltText(TenantId tenant, Collection<MediaId> used) {
        if (used.isEmpty()) {
            return List.of();
        }
        return tx.executeRead(status -> media.find(tenant, used).stream().filter(MediaItem::lacksAltText).toList());
    }

    /**
     * The ids among {@code used} that are not in the tenant's library: another tenant's, deleted or unknown. A
     * post may show only its own agency's media, so the publishing step refuses these (and says nothing about
     * whose they are).
     */
    public Set<MediaId> notInLibrary(TenantId tenant, Collection<MediaId> used) {
        if (used.isEmpty()) {
            return Set.of();
        }
        Set<MediaId> found = tx.executeRead(status -> media.find(tenant, used).stream().map(MediaItem::id)
                .collect(Collectors.toSet()));
        Set<MediaId> missing = new LinkedHashSet<>(used);
        missing.removeAll(found);
        return missing;
    }

    /**
     * The items among {@code ids} that are in the tenant's library now (not another tenant's, not deleted), for
     * a post that refers to them by id (featured image, PPID document, gallery). Runs in the caller's transaction.
     */
    public List<MediaItem> inLibrary(TenantId tenant, Collection<MediaId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.executeRead(status -> media.find(tenant, ids));
    }

    /** The media ids a post body refers to through any media address ({@code .../media/{id}/...}). */
    public static Set<MediaId> referencedIn(String html) {
        Set<MediaId> ids = new LinkedHashSet<>();
        if (html != null) {
            Matcher m = MEDIA_REFERENCE.matcher(html);
            while (m.find()) {
                MediaId.parse(m.group(1)).ifPresent(ids::add);
            }
        }
        return ids;
    }

    public MediaSettings settings() {
        return settings;
    }

    private static String cleanAltText(String altText) {
        if (altText == null || altText.isBlank()) {
            return null;
        }
        String alt = altText.strip().replaceAll("\\s+", " ");
        if (alt.length() > ALT_TEXT_MAX) {
            throw new InvalidInputException(FieldError.of("altText", "validation.too_long", ALT_TEXT_MAX));
        }
        return alt;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while (total < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove media file {}", key, e);
        }
    }
}
