package newsroom.local;

import java.io.InputStream;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The S3 emulator's store, telling a listener of every object it has written (a put, a copy, a
 * completed multipart upload) once the object is there, as S3 sends "object created" events.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {
    /** One object written: what S3 puts into an ObjectCreated notification. */
    record Created(String eventName, String bucket, String key, long size, String eTag) {}

    private volatile Consumer<Created> listener = created -> {};

    NotifyingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    void listener(Consumer<Created> listener) {
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        PutObjectResponse response = super.putBlob(request, input);
        long size = request.contentLength() == null ? -1 : request.contentLength();
        listener.accept(new Created("ObjectCreated:Put", request.bucket(), request.key(), size, response.eTag()));
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        String eTag = response.copyObjectResult() == null
                ? null
                : response.copyObjectResult().eTag();
        listener.accept(
                new Created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey(), -1, eTag));
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        listener.accept(new Created(
                "ObjectCreated:CompleteMultipartUpload",
                upload.containerName(),
                upload.blobName(),
                -1,
                response.eTag()));
        return response;
    }
}
