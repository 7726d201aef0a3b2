package newsroom.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides from an upload's bytes whether it is an image worth decoding, then decodes it. The size
 * comes from the header alone, so an image that claims more pixels than memory holds is refused
 * before a single pixel is allocated.
 */
public final class ImageDecoder {
    /** 40 megapixels: every phone and most cameras; 160 MB as 32-bit pixels. */
    public static final long MAX_PIXELS = 40_000_000L;

    public static final int MAX_SIDE = 12_000;

    static {
        // no disk cache: uploads are in memory already, and Lambda's /tmp is small
        ImageIO.setUseCache(false);
    }

    public Inspection inspect(byte[] bytes) {
        Optional<ImageFormat> format = ImageFormat.sniff(bytes);
        if (format.isEmpty()) return new Inspection.Refused("not a JPEG, PNG, WebP or GIF image");
        if (!format.get().complete(bytes)) {
            return new Inspection.Refused("the " + format.get() + " file is incomplete (truncated)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(format.get());
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) return new Inspection.Refused("the image has no pixels");
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    return new Inspection.Refused(String.format(
                            java.util.Locale.ROOT,
                            "the image claims %d × %d pixels; at most %d a side and %d megapixels are accepted",
                            width,
                            height,
                            MAX_SIDE,
                            MAX_PIXELS / 1_000_000));
                }
                return new Inspection.Accepted(format.get(), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return new Inspection.Refused("the " + format.get() + " header cannot be read");
        }
    }

    /** Decodes the first frame; a decoder's warning (damaged data) is a refusal too. */
    BufferedImage decode(byte[] bytes, Inspection.Accepted accepted) throws Unreadable {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(accepted.format());
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) throw new Unreadable("the image data is damaged: " + warnings.get(0));
                if (image.getWidth() != accepted.width() || image.getHeight() != accepted.height()) {
                    throw new Unreadable("the image data does not match its header");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("the image data cannot be decoded", e);
        }
    }

    private static ImageReader reader(ImageFormat format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) throw new IOException("no reader for " + format);
        return readers.next();
    }

    /** Bytes that passed the header check but do not decode to the image they announce. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }

        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
