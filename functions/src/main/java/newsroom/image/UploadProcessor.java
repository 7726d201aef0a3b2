package newsroom.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.render.SiteBucket;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import newsroom.story.PictureUses;

/**
 * Processes one upload: refuses what is not a sound image (and deletes it), or writes its
 * renditions to the site and records them under the upload's src for pages and staff to find.
 */
public final class UploadProcessor {
    /** Where uploads land; the API grants nothing else, and events come for nothing else. */
    public static final String UPLOADS_PREFIX = "uploads/";

    /** Renditions are named by their content, so once written they never change. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Larger than any upload the API grants (10 MB): reading stops here. */
    static final long READ_LIMIT = 16L * 1024 * 1024;

    private static final Pattern UPLOAD_KEY = Pattern.compile(
            "uploads/(\\d{4}/\\d{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(jpg|png|webp|gif)");

    /** What became of one upload event. */
    public sealed interface Outcome {
        record Ready(Picture picture) implements Outcome {}

        record Refused(Picture picture) implements Outcome {}

        /** Not an upload (another key) or already handled and gone: nothing to do. */
        record Skipped(String why) implements Outcome {}
    }

    private final Uploads uploads;
    private final SiteBucket site;
    private final PictureCatalog catalog;
    private final PictureUses uses;
    private final ImageDecoder decoder = new ImageDecoder();
    private final Renditions renditions = new Renditions();

    /** A processor that tells no story of a picture that became ready. */
    public UploadProcessor(Uploads uploads, SiteBucket site, PictureCatalog catalog) {
        this(uploads, site, catalog, PictureUses.NONE);
    }

    public UploadProcessor(Uploads uploads, SiteBucket site, PictureCatalog catalog, PictureUses uses) {
        this.uploads = uploads;
        this.site = site;
        this.catalog = catalog;
        this.uses = uses;
    }

    /** The src a story names an upload by: {@code uploads/2026/11/<uuid>.jpg} is {@code /media/2026/11/<uuid>.jpg}. */
    public static Optional<String> srcOf(String uploadKey) {
        Matcher m = UPLOAD_KEY.matcher(uploadKey);
        return m.matches() ? Optional.of("/media/" + m.group(1) + "." + m.group(2)) : Optional.empty();
    }

    public Outcome process(String bucket, String key) {
        Optional<String> src = srcOf(key);
        if (src.isEmpty()) return new Outcome.Skipped("not an upload key");
        Optional<byte[]> bytes = uploads.read(bucket, key, READ_LIMIT);
        if (bytes.isEmpty()) return new Outcome.Skipped("the upload is gone");
        if (bytes.get().length > READ_LIMIT)
            return refuse(bucket, key, src.get(), "the file is larger than any upload");
        Inspection inspection = decoder.inspect(bytes.get());
        if (inspection instanceof Inspection.Refused refused) return refuse(bucket, key, src.get(), refused.reason());
        Inspection.Accepted accepted = (Inspection.Accepted) inspection;
        Renditions.Result result;
        try {
            int orientation = accepted.format() == ImageFormat.JPEG ? Orientation.of(bytes.get()) : Orientation.NORMAL;
            result = renditions.render(decoder.decode(bytes.get(), accepted), orientation);
        } catch (ImageDecoder.Unreadable unreadable) {
            return refuse(bucket, key, src.get(), unreadable.getMessage());
        }
        String folder = src.get().substring(1, src.get().lastIndexOf('.')) + "/";
        List<Picture.Rendition> stored = new ArrayList<>();
        for (Renditions.Encoded e : result.widths()) stored.add(store(folder + e.width() + "w-", e));
        Picture.Rendition card = store(folder + "card-", result.card());
        // the src itself holds the largest rendition (the upload's name is fresh and never reused,
        // so it never changes): what names the src (a body's image, a page rendered before the
        // renditions existed) shows a clean picture too
        Renditions.Encoded largest = result.widths().get(result.widths().size() - 1);
        site.putIfChanged(src.get().substring(1), largest.bytes(), largest.contentType(), IMMUTABLE);
        Picture picture = Picture.ready(src.get(), result.width(), result.height(), stored, card);
        // recorded after the objects exist: a page that finds the picture finds its files
        catalog.save(picture);
        // after the record: a story saved from now on finds the picture ready itself, and one saved
        // before learns it here (its use was recorded with its save)
        uses.showReady(picture);
        return new Outcome.Ready(picture);
    }

    /**
     * Inspects, decodes and renders an image as {@link #process} does, and stores nothing:
     * SnapStart's priming, so that the snapshot holds the image readers and writers warm. Returns
     * how many renditions it made, 0 for an image it would refuse.
     */
    public int rehearse(byte[] image) {
        if (!(decoder.inspect(image) instanceof Inspection.Accepted accepted)) return 0;
        try {
            int orientation = accepted.format() == ImageFormat.JPEG ? Orientation.of(image) : Orientation.NORMAL;
            Renditions.Result result = renditions.render(decoder.decode(image, accepted), orientation);
            return result.widths().size() + 1;
        } catch (ImageDecoder.Unreadable unreadable) {
            return 0;
        }
    }

    private Picture.Rendition store(String prefix, Renditions.Encoded e) {
        String key = prefix + hash(e.bytes()) + "." + e.extension();
        site.putIfChanged(key, e.bytes(), e.contentType(), IMMUTABLE);
        return new Picture.Rendition("/" + key, e.width(), e.height());
    }

    private Outcome refuse(String bucket, String key, String src, String reason) {
        // recorded first: if the delete fails, the retry finds the refusal already there
        Picture refused = Picture.refused(src, reason);
        catalog.save(refused);
        uploads.delete(bucket, key);
        return new Outcome.Refused(refused);
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
