package id.serambi.core.portal;

/** One photo or video of a gallery, in order; a YouTube video carries its id and no stored image. */
public record GalleryItem(int position, String kind, PortalImage image, String youtubeId, String caption) {
    public boolean youtube() {
        return youtubeId != null;
    }

    public String youtubeUrl() {
        return "https://www.youtube.com/watch?v=" + youtubeId;
    }

    /** YouTube's own still of the video (an image, so no script or frame is needed). */
    public String youtubeThumbnail() {
        return "https://i.ytimg.com/vi/" + youtubeId + "/hqdefault.jpg";
    }
}
