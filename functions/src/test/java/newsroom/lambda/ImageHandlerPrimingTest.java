package newsroom.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import newsroom.image.Renditions;
import newsroom.image.UploadProcessor;
import newsroom.store.InMemorySiteBucket;
import newsroom.story.PictureCatalog;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/** SnapStart's priming of the image function renders a photograph of its own and stores nothing. */
class ImageHandlerPrimingTest {
    @Test
    void primingRendersEveryWidthAndTheCardAndReadsAndWritesNothing() throws Exception {
        InMemorySiteBucket site = new InMemorySiteBucket();
        UploadProcessor processor = new UploadProcessor(
                new newsroom.image.Uploads() {
                    @Override
                    public java.util.Optional<byte[]> read(String bucket, String key, long limit) {
                        throw new AssertionError("priming reads no upload: " + key);
                    }

                    @Override
                    public void delete(String bucket, String key) {
                        throw new AssertionError("priming deletes no upload: " + key);
                    }
                },
                site,
                new PictureCatalog() {
                    @Override
                    public void save(newsroom.story.Picture picture) {
                        throw new AssertionError("priming records no picture");
                    }

                    @Override
                    public java.util.Optional<newsroom.story.Picture> find(String src) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public void forget(String src) {
                        throw new AssertionError("priming forgets no picture");
                    }
                });
        ImageHandler handler = new ImageHandler(processor);

        assertEquals(Renditions.WIDTHS.size() + 1, handler.prime());
        ((Resource) handler).beforeCheckpoint(null);
        assertEquals(0, site.puts(), "priming wrote to the site bucket");
    }
}
