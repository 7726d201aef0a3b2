package newsroom.local;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Photographs made in the test, as a phone takes them: a scene with smooth light, edges and sensor
 * noise (so JPEG sizes behave as with real photos), saved at a phone's quality with EXIF that
 * carries the camera, the orientation and the GPS position.
 */
public final class Photos {
    /** Almaty's Republic Square. */
    public static final double LATITUDE = 43.2383;

    public static final double LONGITUDE = 76.9453;

    private Photos() {}

    /** A reproducible scene of {@code width} × {@code height} pixels. */
    public static BufferedImage scene(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // light: a coarse random field, enlarged smoothly, then finer detail on top of it
        g.drawImage(field(random, 12, 9, 255), 0, 0, width, height, null);
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.35f));
        g.drawImage(field(random, 160, 120, 255), 0, 0, width, height, null);
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.2f));
        g.drawImage(field(random, 900, 675, 255), 0, 0, width, height, null);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        // edges: buildings, windows, wires
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
            int w = width / 40 + random.nextInt(width / 8);
            int h = height / 10 + random.nextInt(height / 2);
            g.fillRect(random.nextInt(width), height - h, w, h);
        }
        g.setStroke(new BasicStroke(Math.max(1, width / 1500f)));
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.drawLine(random.nextInt(width), random.nextInt(height), random.nextInt(width), random.nextInt(height));
        }
        g.dispose();
        // sensor noise
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int n = (int) (random.nextGaussian() * 4);
            int p = pixels[i];
            pixels[i] =
                    (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8) | clamp((p & 0xFF) + n);
        }
        return image;
    }

    private static BufferedImage field(Random random, int w, int h, int range) {
        BufferedImage f = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = random.nextInt(range);
                f.setRGB(
                        x,
                        y,
                        (clamp(base + random.nextInt(40) - 20) << 16)
                                | (clamp(base + random.nextInt(40) - 20) << 8)
                                | clamp(base - 30 + random.nextInt(40)));
            }
        }
        return f;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The scene as a JPEG at {@code quality}, with no metadata. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A phone's JPEG of the scene: quality 0.92, EXIF with camera, orientation 1 and GPS. */
    public static byte[] phoneJpeg(BufferedImage image) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker");
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 1);
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(image, 0.92f), out, exif);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The GPS position in a JPEG's EXIF, if it has one, as {latitude, longitude}. */
    public static double[] gps(byte[] jpeg) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg);
            if (!(metadata instanceof JpegImageMetadata m) || m.getExif() == null) return null;
            TiffImageMetadata.GpsInfo gps = m.getExif().getGpsInfo();
            return gps == null ? null : new double[] {gps.getLatitudeAsDegreesNorth(), gps.getLongitudeAsDegreesEast()};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a JPEG has an EXIF block at all (by the parser of another library than ours). */
    public static boolean hasExif(byte[] jpeg) {
        try {
            return Imaging.getMetadata(jpeg) instanceof JpegImageMetadata m && m.getExif() != null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The markers of a JPEG's segments up to its image data. */
    public static List<Integer> markers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) break;
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return markers;
    }

    /** A JPEG whose frame header claims {@code width} × {@code height} pixels. */
    public static byte[] claimingSize(byte[] jpeg, int width, int height) {
        byte[] b = jpeg.clone();
        int i = 2;
        while (i + 4 <= b.length) {
            int marker = b[i + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xC3) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        throw new IllegalArgumentException("no frame header");
    }
}
