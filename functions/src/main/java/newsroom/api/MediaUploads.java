package newsroom.api;

import java.net.URL;
import java.time.Duration;

/** Grants a browser a short-lived URL to upload one image straight to the bucket. */
public interface MediaUploads {
    /**
     * Signed into every upload URL, so the uploader must send it as it is: uploads are named by a
     * fresh UUID and never change.
     */
    String CACHE_CONTROL = "public, max-age=31536000, immutable";

    URL presignPut(String key, String contentType, long contentLength, Duration validFor);
}
