package newsroom.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A translation's rendered body as the table keeps it: from {@link #DEFLATE_FROM_BYTES} UTF-8 bytes
 * on, deflated (zlib format) into a binary attribute where that is smaller; a string otherwise, and
 * in every item written before bodies were deflated.
 */
final class CompressedBodies {
    /**
     * Below this a body stays a string: DynamoDB bills reads per 4 KB and writes per 1 KB, so
     * deflating a short body saves no unit, and a string is what a person reading the table sees.
     */
    static final int DEFLATE_FROM_BYTES = 1024;

    private CompressedBodies() {}

    /** The body as stored: deflated when that pays, else the string. */
    static AttributeValue encode(String html) {
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < DEFLATE_FROM_BYTES) return AttributeValue.fromS(html);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 3);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
                // a body that does not shrink is kept as it is
                if (out.size() >= utf8.length) return AttributeValue.fromS(html);
            }
            return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(out.toByteArray()));
        } finally {
            deflater.end();
        }
    }

    /** The body from its stored form, either one. */
    static String decode(AttributeValue value) {
        if (value == null) return "";
        if (value.b() == null) return value.s();
        byte[] deflated = value.b().asByteArrayUnsafe();
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a deflated body ends early");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a deflated body does not inflate", e);
        } finally {
            inflater.end();
        }
    }
}
