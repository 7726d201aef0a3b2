package newsroom.store;

import java.net.URL;
import java.time.Duration;

/** Grants a browser a short-lived URL to upload one image straight to the bucket. */
public interface MediaUploads {
  URL presignPut(String key, String contentType, long contentLength, Duration validFor);
}
