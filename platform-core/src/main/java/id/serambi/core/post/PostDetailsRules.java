package id.serambi.core.post;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaItem;
import id.serambi.core.media.MediaKind;
import id.serambi.core.media.MediaService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/**
 * Reads and checks the fields beyond the text ({@link PostDetails}): category, tags, featured image and the
 * kind's own fields. Media are referred to by id and must be items of the post's own tenant that are not
 * deleted; another tenant's id is refused with the same words as an unknown one. Also the requirements for
 * going live that belong to these fields (a gallery has items, every image has alt text).
 */
@Singleton
class PostDetailsRules {
    static final int TAGS_MAX = 10;
    static final int TAG_MAX = 40;
    static final int MENU_POSITION_MAX = 50;
    static final int GALLERY_MAX = 200;
    static final int CAPTION_MAX = 300;
    static final int FIRST_DOCUMENT_YEAR = 1945;
    private static final Set<MediaKind> GALLERY_KINDS = EnumSet.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.YOUTUBE);

    private final PostExtrasRepository extras;
    private final MediaService media;
    private final Clock clock;

    PostDetailsRules(PostExtrasRepository extras, MediaService media, Clock clock) {
        this.extras = extras;
        this.media = media;
        this.clock = clock;
    }

    /**
     * The fields to store for a post of {@code kind}; {@code current} is the post being edited (null for a new
     * one), whose values stay where {@code in} gives null. Errors are added to {@code validator}.
     */
    KindFields resolve(Validator validator, TenantId tenant, PostKind kind, PostDetails in, Post current) {
        Long categoryId = in.categoryId() == null ? (current == null ? null : current.categoryId())
                : category(validator, in.categoryId());
        List<String> tags = in.tags() == null ? (current == null ? List.of() : current.tags()) : tags(validator, in.tags());
        MediaId featured = in.featuredMediaId() == null ? (current == null ? null : current.featuredMediaId())
                : mediaOfKind(validator, tenant, "featuredMediaId", in.featuredMediaId(), EnumSet.of(MediaKind.IMAGE),
                "validation.post.featured_not_found");
        Integer menuPosition = null;
        MediaId documentMedia = null;
        DocumentCategory documentCategory = null;
        Integer documentYear = null;
        List<GalleryItem> gallery = null;
        switch (kind) {
            case PAGE -> menuPosition = in.menuPosition() == null ? (current == null ? null : current.menuPosition())
                    : menuPosition(validator, in.menuPosition());
            case DOCUMENT -> {
                documentMedia = in.documentMediaId() == null ? (current == null ? null : current.documentMediaId())
                        : mediaOfKind(validator, tenant, "documentMediaId", in.documentMediaId(),
                        EnumSet.of(MediaKind.DOCUMENT), "validation.post.document_not_found");
                documentCategory = in.documentCategory() == null ? (current == null ? null : current.documentCategory())
                        : documentCategory(validator, in.documentCategory());
                documentYear = in.documentYear() == null ? (current == null ? null : current.documentYear())
                        : documentYear(validator, in.documentYear());
                // A PPID document is its file, its list and its year: without them it is not a document.
                requirePresent(validator, "documentMediaId", documentMedia);
                requirePresent(validator, "documentCategory", documentCategory);
                requirePresent(validator, "documentYear", documentYear);
            }
            case GALLERY -> gallery = in.gallery() == null ? (current == null ? List.of() : null)
                    : gallery(validator, tenant, in.gallery());
            default -> {
                // news and announcements have no fields of their own
            }
        }
        return new KindFields(categoryId, tags, featured, menuPosition, documentMedia, documentCategory, documentYear,
                gallery);
    }

    /**
     * What stops the post going live besides the safety check: a gallery without items, a document whose file
     * is gone, a featured or gallery image that is no longer in the library or lacks alt text.
     */
    List<FieldError> publicationProblems(TenantId tenant, Post post, List<GalleryItem> gallery) {
        List<FieldError> problems = new ArrayList<>();
        if (post.kind() == PostKind.GALLERY && gallery.isEmpty()) {
            problems.add(FieldError.of("gallery", "validation.post.gallery_empty"));
        }
        Set<MediaId> used = new LinkedHashSet<>();
        if (post.featuredMediaId() != null) used.add(post.featuredMediaId());
        if (post.documentMediaId() != null) used.add(post.documentMediaId());
        gallery.forEach(item -> used.add(item.mediaId()));
        Map<MediaId, MediaItem> found = media.inLibrary(tenant, used).stream()
                .collect(Collectors.toMap(MediaItem::id, Function.identity()));
        if (post.featuredMediaId() != null) {
            MediaItem image = found.get(post.featuredMediaId());
            if (image == null) {
                problems.add(FieldError.of("featuredMediaId", "validation.post.featured_not_found"));
            } else if (image.lacksAltText()) {
                problems.add(FieldError.of("featuredMediaId", "media.alt_text.required_for_publish", image.fileName()));
            }
        }
        if (post.kind() == PostKind.DOCUMENT && (post.documentMediaId() == null || !found.containsKey(post.documentMediaId()))) {
            problems.add(FieldError.of("documentMediaId", "validation.post.document_not_found"));
        }
        List<String> gone = new ArrayList<>();
        List<String> withoutAlt = new ArrayList<>();
        for (GalleryItem item : gallery) {
            MediaItem m = found.get(item.mediaId());
            if (m == null) {
                gone.add(String.valueOf(item.position()));
            } else if (m.lacksAltText()) {
                withoutAlt.add(m.fileName());
            }
        }
        if (!gone.isEmpty()) {
            problems.add(FieldError.of("gallery", "validation.post.gallery_media_not_found", String.join(", ", gone)));
        }
        if (!withoutAlt.isEmpty()) {
            problems.add(FieldError.of("gallery", "media.alt_text.required_for_publish", String.join(", ", withoutAlt)));
        }
        return problems;
    }

    List<Category> categories() {
        return extras.categories();
    }

    private Long category(Validator validator, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (extras.category(id).isPresent()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        validator.add(FieldError.of("categoryId", "validation.post.category_unknown"));
        return null;
    }

    /** Comma-separated, lower case, trimmed, inner spaces collapsed, each once, in the order typed. */
    static List<String> tags(Validator validator, String value) {
        Set<String> tags = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String tag = part.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > TAG_MAX) {
                validator.add(FieldError.of("tags", "validation.post.tag_too_long", TAG_MAX, tag));
                continue;
            }
            tags.add(tag);
        }
        if (tags.size() > TAGS_MAX) {
            validator.add(FieldError.of("tags", "validation.post.tags_too_many", TAGS_MAX));
        }
        return List.copyOf(tags);
    }

    private MediaId mediaOfKind(Validator validator, TenantId tenant, String field, String value, Set<MediaKind> kinds,
                                String notFoundKey) {
        if (value.isBlank()) {
            return null;
        }
        MediaId id = MediaId.parse(value.strip()).orElse(null);
        MediaItem item = id == null ? null : media.inLibrary(tenant, List.of(id)).stream().findFirst().orElse(null);
        if (item == null || !kinds.contains(item.kind())) {
            validator.add(FieldError.of(field, notFoundKey));
            return null;
        }
        return id;
    }

    private static Integer menuPosition(Validator validator, String value) {
        if (value.isBlank()) {
            return null;
        }
        Integer n = integer(value);
        if (n == null || n < 1 || n > MENU_POSITION_MAX) {
            validator.add(FieldError.of("menuPosition", "validation.post.menu_position", 1, MENU_POSITION_MAX));
            return null;
        }
        return n;
    }

    private static DocumentCategory documentCategory(Validator validator, String value) {
        if (value.isBlank()) {
            return null;
        }
        return DocumentCategory.parse(value).orElseGet(() -> {
            validator.add(FieldError.of("documentCategory", "validation.post.document_category"));
            return null;
        });
    }

    private Integer documentYear(Validator validator, String value) {
        if (value.isBlank()) {
            return null;
        }
        Integer year = integer(value);
        int last = Year.now(clock).getValue() + 1;
        if (year == null || year < FIRST_DOCUMENT_YEAR || year > last) {
            validator.add(FieldError.of("documentYear", "validation.post.document_year",
                    String.valueOf(FIRST_DOCUMENT_YEAR), String.valueOf(last)));
            return null;
        }
        return year;
    }

    private List<GalleryItem> gallery(Validator validator, TenantId tenant, Collection<PostDetails.GalleryEntry> entries) {
        List<PostDetails.GalleryEntry> rows = entries.stream()
                .filter(e -> e != null && e.mediaId() != null && !e.mediaId().isBlank()).toList();
        if (rows.size() > GALLERY_MAX) {
            validator.add(FieldError.of("gallery", "validation.post.gallery_too_many", GALLERY_MAX));
            return List.of();
        }
        List<MediaId> ids = rows.stream().map(e -> MediaId.parse(e.mediaId().strip()).orElse(null)).toList();
        Map<MediaId, MediaItem> found = media.inLibrary(tenant, ids.stream().filter(java.util.Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(MediaItem::id, Function.identity()));
        List<GalleryItem> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MediaId id = ids.get(i);
            MediaItem item = id == null ? null : found.get(id);
            String caption = rows.get(i).caption() == null || rows.get(i).caption().isBlank() ? null
                    : rows.get(i).caption().strip();
            if (item == null || !GALLERY_KINDS.contains(item.kind())) {
                unknown.add(String.valueOf(i + 1));
            } else if (caption != null && caption.length() > CAPTION_MAX) {
                validator.add(FieldError.of("gallery", "validation.post.caption_too_long", i + 1, CAPTION_MAX));
            } else {
                items.add(new GalleryItem(items.size() + 1, id, caption));
            }
        }
        if (!unknown.isEmpty()) {
            validator.add(FieldError.of("gallery", "validation.post.gallery_media_not_found", String.join(", ", unknown)));
        }
        return items;
    }

    private static void requirePresent(Validator validator, String field, Object value) {
        if (value == null && !validator.hasErrorFor(field)) {
            validator.add(FieldError.of(field, "validation.required"));
        }
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
