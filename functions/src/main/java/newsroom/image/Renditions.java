package newsroom.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a decoded upload into what readers get: upright, in sRGB, at fixed widths and as a social
 * card, each encoded afresh from pixels, so nothing of the upload's metadata (EXIF, GPS, XMP,
 * comments, profiles) can travel along.
 */
public final class Renditions {
    /** Widths a page offers in srcset; none is made larger than the upload. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1440, 1920);

    /** OpenGraph's recommended card (1.91 : 1). */
    public static final int CARD_WIDTH = 1200;

    public static final int CARD_HEIGHT = 630;

    /**
     * JPEG quality, from the size/quality measurement in bench/results/images.md: above it, bytes
     * grow fast for little measured gain; below it, the loss becomes measurable at phone widths.
     */
    public static final float JPEG_QUALITY = 0.80f;

    /** One encoded rendition. */
    public record Encoded(byte[] bytes, int width, int height, String contentType, String extension) {}

    /** The renditions of one upload: the widths (narrowest first), the card, the upright size. */
    public record Result(int width, int height, List<Encoded> widths, Encoded card) {}

    private final float quality;

    public Renditions() {
        this(JPEG_QUALITY);
    }

    public Renditions(float quality) {
        this.quality = quality;
    }

    public Result render(BufferedImage decoded, int orientation) {
        BufferedImage upright = upright(standard(decoded), orientation);
        boolean alpha = upright.getColorModel().hasAlpha();
        Ladder ladder = new Ladder(upright);
        List<Encoded> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w > upright.getWidth()) break;
            widths.add(encode(ladder.scaled(w, height(upright, w)), alpha));
        }
        int widest = widths.isEmpty() ? 0 : widths.get(widths.size() - 1).width();
        if (widest < upright.getWidth() && upright.getWidth() < WIDTHS.get(WIDTHS.size() - 1)) {
            // between two widths (or under the first): its own width too, so no detail is lost
            widths.add(encode(upright, alpha));
        }
        return new Result(
                upright.getWidth(), upright.getHeight(), List.copyOf(widths), encode(card(ladder, upright), alpha));
    }

    /** Encodes pixels as JPEG (or PNG where they are transparent), with no metadata at all. */
    public Encoded encode(BufferedImage image, boolean alpha) {
        return alpha
                ? new Encoded(png(image), image.getWidth(), image.getHeight(), "image/png", "png")
                : new Encoded(jpeg(image, quality), image.getWidth(), image.getHeight(), "image/jpeg", "jpg");
    }

    static int height(BufferedImage image, int width) {
        return Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
    }

    /**
     * Pixels as 8-bit sRGB (with alpha if the upload has it): a picture in another profile
     * (Adobe RGB, Display P3, grey, CMYK) is converted, not relabelled.
     */
    static BufferedImage standard(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type && image.getColorModel().getColorSpace().isCS_sRGB()) return image;
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB()) {
            Graphics2D g = out.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        } else {
            new ColorConvertOp(null).filter(image, out);
        }
        return out;
    }

    /** Applies an EXIF orientation (1 to 8) to pixels in TYPE_INT_(A)RGB. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) return image;
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = Orientation.swapsSides(orientation);
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, image.getType());
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> {
                        dx = w - 1 - x;
                        dy = y;
                    }
                    case 3 -> {
                        dx = w - 1 - x;
                        dy = h - 1 - y;
                    }
                    case 4 -> {
                        dx = x;
                        dy = h - 1 - y;
                    }
                    case 5 -> {
                        dx = y;
                        dy = x;
                    }
                    case 6 -> {
                        dx = h - 1 - y;
                        dy = x;
                    }
                    case 7 -> {
                        dx = h - 1 - y;
                        dy = w - 1 - x;
                    }
                    default -> {
                        dx = y;
                        dy = w - 1 - x;
                    }
                }
                dst[dy * ow + dx] = src[y * w + x];
            }
        }
        return out;
    }

    /** The centre of the picture at 1.91 : 1, at most 1200 × 630 and never enlarged. */
    static BufferedImage card(Ladder ladder, BufferedImage upright) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        int cropW = w;
        int cropH = (int) Math.round((double) w * CARD_HEIGHT / CARD_WIDTH);
        if (cropH > h) {
            cropH = h;
            cropW = (int) Math.round((double) h * CARD_WIDTH / CARD_HEIGHT);
        }
        int outW = Math.min(CARD_WIDTH, cropW);
        int outH = Math.max(1, (int) Math.round((double) outW * CARD_HEIGHT / CARD_WIDTH));
        // scale the whole picture so that the crop comes out at the card's size, then cut
        int scaledW = Math.max(outW, (int) Math.round((double) w * outW / cropW));
        int scaledH = Math.max(outH, (int) Math.round((double) h * outW / cropW));
        BufferedImage scaled = ladder.scaled(scaledW, scaledH);
        int x = (scaledW - outW) / 2;
        int y = (scaledH - outH) / 2;
        BufferedImage out = new BufferedImage(outW, outH, upright.getType());
        Graphics2D g = out.createGraphics();
        g.drawImage(scaled, -x, -y, null);
        g.dispose();
        return out;
    }

    /**
     * Halvings of the picture, made once: each rendition is scaled in one bicubic step from the
     * smallest halving still at least its size, which keeps detail without a step's aliasing.
     */
    static final class Ladder {
        private final List<BufferedImage> rungs = new ArrayList<>();

        Ladder(BufferedImage full) {
            rungs.add(full);
        }

        BufferedImage scaled(int width, int height) {
            BufferedImage base = rungs.get(0);
            if (base.getWidth() == width && base.getHeight() == height) return base;
            int i = 0;
            while (true) {
                BufferedImage rung = rungs.get(i);
                if (rung.getWidth() / 2 < width || rung.getHeight() / 2 < height) break;
                if (i + 1 == rungs.size()) {
                    rungs.add(draw(
                            rung,
                            rung.getWidth() / 2,
                            rung.getHeight() / 2,
                            RenderingHints.VALUE_INTERPOLATION_BILINEAR));
                }
                i++;
            }
            return draw(rungs.get(i), width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }

        private static BufferedImage draw(BufferedImage from, int width, int height, Object interpolation) {
            BufferedImage out = new BufferedImage(width, height, from.getType());
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(from, 0, 0, width, height, null);
            g.dispose();
            return out;
        }
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof JPEGImageWriteParam jpeg) jpeg.setOptimizeHuffmanTables(true);
            // no metadata given: the writer adds only its JFIF header (version and pixel density)
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) throw new IllegalStateException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
