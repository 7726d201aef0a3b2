package newsroom.image;

import java.util.Optional;

/** The kinds of image the newsroom accepts, recognised by their first bytes, never by a name. */
public enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    WEBP("webp");

    private final String readerName;

    ImageFormat(String readerName) {
        this.readerName = readerName;
    }

    String readerName() {
        return readerName;
    }

    /** The format whose signature the bytes begin with, if any. */
    public static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length >= 3 && u(b, 0) == 0xFF && u(b, 1) == 0xD8 && u(b, 2) == 0xFF) return Optional.of(JPEG);
        if (b.length >= 8
                && u(b, 0) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) return Optional.of(PNG);
        if (b.length >= 6
                && b[0] == 'G'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == '8'
                && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') return Optional.of(GIF);
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') return Optional.of(WEBP);
        return Optional.empty();
    }

    /**
     * Whether the file ends where its own structure says it does. Decoders fill a cut-off image
     * with grey instead of failing, so a truncated upload is caught here.
     */
    boolean complete(byte[] b) {
        return switch (this) {
            // the end-of-image marker; phones may append data after it (motion photos), so
            // any EOI after the first scan counts
            case JPEG -> hasEndOfImage(b);
            // IEND is the last chunk: its 12 bytes end the file
            case PNG -> b.length >= 20 && endsWith(b, new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D'}, 4);
            case GIF -> lastNonZero(b) == 0x3B;
            // RIFF size counts the bytes after the first eight
            case WEBP -> b.length >= 12 && (le32(b, 4) + 8L) <= b.length;
        };
    }

    private static boolean hasEndOfImage(byte[] b) {
        for (int i = b.length - 2; i > 2; i--) {
            if (u(b, i) == 0xFF && u(b, i + 1) == 0xD9) return true;
        }
        return false;
    }

    private static boolean endsWith(byte[] b, byte[] tail, int crcBytes) {
        int start = b.length - crcBytes - tail.length;
        if (start < 0) return false;
        for (int i = 0; i < tail.length; i++) {
            if (b[start + i] != tail[i]) return false;
        }
        return true;
    }

    private static int lastNonZero(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != 0) return u(b, i);
        }
        return -1;
    }

    private static long le32(byte[] b, int at) {
        return (u(b, at) | (u(b, at + 1) << 8) | (u(b, at + 2) << 16) | ((long) u(b, at + 3) << 24));
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
