package id.serambi.core.post;

import id.serambi.core.media.MediaId;

/** A photo or video of a gallery post, at its place (1, 2, …) with its caption (may be null). */
public record GalleryItem(int position, MediaId mediaId, String caption) {
}
