package newsroom.image;

/**
 * The EXIF orientation of a JPEG (1 to 8), read from its APP1 segment without decoding anything:
 * phones store pixels as the sensor saw them and say in EXIF how to turn them.
 */
final class Orientation {
    static final int NORMAL = 1;

    private Orientation() {}

    static int of(byte[] jpeg) {
        try {
            int i = 2;
            while (i + 4 <= jpeg.length && u(jpeg, i) == 0xFF) {
                int marker = u(jpeg, i + 1);
                if (marker == 0xDA || marker == 0xD9) break; // image data starts: no more metadata
                int length = u16(jpeg, i + 2, false);
                if (marker == 0xE1 && isExif(jpeg, i + 4)) {
                    return fromTiff(jpeg, i + 10, i + 2 + length);
                }
                i += 2 + length;
            }
        } catch (ArrayIndexOutOfBoundsException broken) {
            // a malformed EXIF block cannot turn the picture: keep it as stored
        }
        return NORMAL;
    }

    private static boolean isExif(byte[] b, int at) {
        return at + 6 <= b.length
                && b[at] == 'E'
                && b[at + 1] == 'x'
                && b[at + 2] == 'i'
                && b[at + 3] == 'f'
                && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        int entries = u16(b, ifd, little);
        for (int e = 0; e < entries; e++) {
            int entry = ifd + 2 + e * 12;
            if (entry + 12 > end) break;
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** Whether the orientation turns the picture by a quarter, swapping width and height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? u(b, i) | (u(b, i + 1) << 8) : (u(b, i) << 8) | u(b, i + 1);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little
                ? (u(b, i) | (u(b, i + 1) << 8) | (u(b, i + 2) << 16) | ((long) u(b, i + 3) << 24))
                : (((long) u(b, i) << 24) | (u(b, i + 1) << 16) | (u(b, i + 2) << 8) | u(b, i + 3));
    }
}
