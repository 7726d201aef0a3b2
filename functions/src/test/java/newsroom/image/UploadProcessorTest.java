package newsroom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import newsroom.store.InMemorySiteBucket;
import newsroom.story.Picture;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.Test;

class UploadProcessorTest {
    static final String BUCKET = "uploads-bucket";
    static final String KEY = "uploads/2026/12/0b6f1d2e-3c4a-4b5d-8e6f-7a8b9c0d1e2f.jpg";
    static final String SRC = "/media/2026/12/0b6f1d2e-3c4a-4b5d-8e6f-7a8b9c0d1e2f.jpg";

    final InMemoryUploads uploads = new InMemoryUploads();
    final InMemorySiteBucket site = new InMemorySiteBucket();
    final InMemoryPictures pictures = new InMemoryPictures();
    final UploadProcessor processor = new UploadProcessor(uploads, site, pictures);

    @Test
    void theStoriesShowingAPictureAreToldOnceItIsRecordedReady() throws Exception {
        List<Picture> told = new java.util.ArrayList<>();
        UploadProcessor telling = new UploadProcessor(uploads, site, pictures, new newsroom.story.PictureUses() {
            @Override
            public java.util.Set<newsroom.story.StoryId> storiesShowing(String src) {
                return java.util.Set.of();
            }

            @Override
            public void showReady(Picture picture) {
                // told after the record: a story told now finds the picture in the catalog
                assertEquals(java.util.Optional.of(picture), pictures.find(picture.src()));
                told.add(picture);
            }
        });
        uploads.put(BUCKET, KEY, TestImages.phoneJpeg(TestImages.marked(1200, 900), 1));

        Picture picture = assertInstanceOf(UploadProcessor.Outcome.Ready.class, telling.process(BUCKET, KEY))
                .picture();

        assertEquals(List.of(picture), told);
        uploads.put(
                BUCKET, KEY.replace(".jpg", ".png").replace("0b6f", "1b6f"), "<svg/>".getBytes(StandardCharsets.UTF_8));
        telling.process(BUCKET, KEY.replace(".jpg", ".png").replace("0b6f", "1b6f"));
        assertEquals(1, told.size(), "a refused upload is no news to any story");
    }

    @Test
    void phonePhotoBecomesUprightRenditionsWithoutAnyMetadata() throws Exception {
        byte[] photo = TestImages.phoneJpeg(TestImages.marked(2000, 1500), 6);
        assertGpsIn(photo);
        uploads.put(BUCKET, KEY, photo);

        var outcome = processor.process(BUCKET, KEY);

        Picture picture =
                assertInstanceOf(UploadProcessor.Outcome.Ready.class, outcome).picture();
        // orientation 6 turns the picture a quarter clockwise: 1500 wide, 2000 high
        assertEquals(1500, picture.width());
        assertEquals(2000, picture.height());
        assertEquals(
                List.of(480, 960, 1440, 1500),
                picture.renditions().stream().map(Picture.Rendition::width).toList());
        for (Picture.Rendition r : picture.renditions()) {
            var stored = site.object(r.src().substring(1)).orElseThrow();
            assertEquals("image/jpeg", stored.contentType());
            assertEquals(UploadProcessor.IMMUTABLE, stored.cacheControl());
            assertTrue(r.src().contains(UploadProcessor.hash(stored.body())), "named by its content: " + r.src());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored.body()));
            assertEquals(r.width(), decoded.getWidth());
            assertEquals(r.height(), decoded.getHeight());
            assertEquals(Math.round(2000.0 * r.width() / 1500), r.height());
            assertNoMetadata(stored.body());
            // the red corner, top left as stored, is top right once upright
            assertRed(decoded.getRGB(decoded.getWidth() * 9 / 10, decoded.getHeight() / 20));
            assertFalse(isRed(decoded.getRGB(decoded.getWidth() / 10, decoded.getHeight() / 20)));
        }
        var card = site.object(picture.card().src().substring(1)).orElseThrow();
        assertEquals(1200, picture.card().width());
        assertEquals(630, picture.card().height());
        assertNoMetadata(card.body());
        // the src shows the largest rendition, cleaned, too
        assertNoMetadata(site.object(SRC.substring(1)).orElseThrow().body());
        assertEquals(picture, pictures.find(SRC).orElseThrow());
        assertTrue(uploads.has(BUCKET, KEY), "a good upload is kept, privately");
    }

    @Test
    void htmlNamedJpegIsRefusedAndDeleted() {
        assertRefused(
                "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "not a JPEG");
    }

    @Test
    void svgNamedJpegIsRefusedAndDeleted() {
        assertRefused(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                "not a JPEG");
    }

    @Test
    void truncatedJpegIsRefusedAndDeleted() {
        byte[] photo = TestImages.jpeg(TestImages.marked(800, 600));
        assertRefused(Arrays.copyOf(photo, photo.length * 2 / 3), "incomplete");
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestImages.claimingSize(TestImages.jpeg(TestImages.marked(64, 64)), 20_000, 20_000);
        assertRefused(bomb, "20000 × 20000");
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused(new byte[0], "not a JPEG");
    }

    @Test
    void smallPictureIsNeverEnlarged() {
        uploads.put(BUCKET, KEY, TestImages.jpeg(TestImages.marked(300, 200)));
        Picture picture = assertInstanceOf(UploadProcessor.Outcome.Ready.class, processor.process(BUCKET, KEY))
                .picture();
        assertEquals(
                List.of(300),
                picture.renditions().stream().map(Picture.Rendition::width).toList());
        assertEquals(300, picture.card().width());
        assertEquals(158, picture.card().height());
    }

    @Test
    void transparentPngStaysPng() throws Exception {
        BufferedImage image = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(255, 0, 0, 128));
        g.fillOval(100, 100, 300, 300);
        g.dispose();
        String key = KEY.replace(".jpg", ".png");
        uploads.put(BUCKET, key, TestImages.png(image));
        Picture picture = assertInstanceOf(UploadProcessor.Outcome.Ready.class, processor.process(BUCKET, key))
                .picture();
        var stored = site.object(picture.renditions().get(0).src().substring(1)).orElseThrow();
        assertEquals("image/png", stored.contentType());
        assertTrue(ImageIO.read(new ByteArrayInputStream(stored.body()))
                .getColorModel()
                .hasAlpha());
    }

    @Test
    void otherKeysAreLeftAlone() {
        uploads.put(BUCKET, "media/2026/12/x.jpg", new byte[] {1});
        assertInstanceOf(UploadProcessor.Outcome.Skipped.class, processor.process(BUCKET, "media/2026/12/x.jpg"));
        assertTrue(uploads.has(BUCKET, "media/2026/12/x.jpg"));
    }

    @Test
    void aProfileOtherThanSrgbIsConvertedNotRelabelled() {
        // linear-light mid grey is sRGB 188, not 128: relabelling would darken the picture
        ColorSpace linear = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
        ColorModel model = new ComponentColorModel(linear, false, false, ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(4, 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) raster.setPixel(x, y, new int[] {128, 128, 128});
        }
        BufferedImage image = new BufferedImage(model, raster, false, null);

        BufferedImage standard = Renditions.standard(image);

        assertTrue(standard.getColorModel().getColorSpace().isCS_sRGB());
        int grey = standard.getRGB(1, 1) & 0xFF;
        assertTrue(grey > 180 && grey < 196, "sRGB value of linear 0.5: " + grey);
    }

    private void assertRefused(byte[] bytes, String reasonPart) {
        uploads.put(BUCKET, KEY, bytes);
        var outcome = processor.process(BUCKET, KEY);
        Picture picture =
                assertInstanceOf(UploadProcessor.Outcome.Refused.class, outcome).picture();
        assertTrue(picture.reason().contains(reasonPart), picture.reason());
        assertEquals(Picture.Status.REFUSED, pictures.find(SRC).orElseThrow().status());
        assertFalse(uploads.has(BUCKET, KEY), "a refused upload is deleted");
        assertTrue(site.keys("").isEmpty(), "nothing is written for a refused upload");
    }

    static void assertGpsIn(byte[] jpeg) throws Exception {
        JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(jpeg);
        assertEquals(TestImages.LATITUDE, metadata.getExif().getGpsInfo().getLatitudeAsDegreesNorth(), 1e-3);
    }

    static void assertNoMetadata(byte[] jpeg) throws Exception {
        List<Integer> markers = TestImages.markers(jpeg);
        // APP0 (JFIF: version and density) is all: no APP1 (EXIF, XMP), APP2 (ICC), APP13, COM
        for (int marker : markers) {
            assertFalse(marker >= 0xE1 && marker <= 0xEF, "APP" + (marker - 0xE0) + " segment in " + markers);
            assertFalse(marker == 0xFE, "comment segment");
        }
        ImageMetadata metadata = Imaging.getMetadata(jpeg);
        if (metadata instanceof JpegImageMetadata m) assertNull(m.getExif());
    }

    static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r > 200 && g < 60 && b < 60;
    }

    static void assertRed(int rgb) {
        assertTrue(isRed(rgb), "expected red, got " + Integer.toHexString(rgb));
    }
}
