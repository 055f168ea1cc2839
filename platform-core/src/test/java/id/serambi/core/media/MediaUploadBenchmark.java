package id.serambi.core.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import id.serambi.core.tenant.TenantId;

/**
 * How long an image upload with resizing takes: the work {@link MediaService#upload} does besides one row
 * insert — type check of the whole file, decoding, turning, five re-encoded sizes, atomic writes to the local
 * storage — for a 4000 × 3000 camera-like JPEG, median of several runs after warm-up. A manual run, not a
 * test (timings depend on the machine):
 *
 * <pre>
 * mvn -o -q test-compile -pl platform-core -am
 * (cd platform-core && mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt)
 * java -cp "platform-core/target/classes:platform-core/target/test-classes:$(cat /tmp/cp.txt)" \
 *     id.serambi.core.media.MediaUploadBenchmark [runs]
 * </pre>
 */
public final class MediaUploadBenchmark {
    private MediaUploadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        byte[] photo = SampleFiles.jpeg(4000, 3000, true);
        Path dir = Files.createTempDirectory("serambi-bench");
        Path upload = Files.write(dir.resolve("upload.jpg"), photo);
        LocalMediaStorage storage = new LocalMediaStorage(dir.resolve("media").toString());
        System.out.printf("Input: 4000 × 3000 JPEG, %.1f MB, Java %s, %d processors%n", photo.length / 1048576.0,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int warm = 0; warm < 2; warm++) {
            once(upload, storage);
        }
        List<Long> millis = new ArrayList<>();
        ImageProcessor.Processed last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = once(upload, storage);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.println("Runs (ms, sorted): " + millis);
        System.out.println("Median: " + millis.get(millis.size() / 2) + " ms");
        for (ImageProcessor.Variant v : last.variants()) {
            System.out.printf("  %-6s %4d × %4d  %7.1f KB%n", v.name(), v.width(), v.height(), v.bytes().length / 1024.0);
        }
    }

    private static ImageProcessor.Processed once(Path upload, LocalMediaStorage storage) throws IOException {
        FileType type = FileInspector.identify("foto.jpg", upload);
        FileInspector.checkContent(type, upload);
        ImageProcessor.Processed processed = ImageProcessor.process(type, Files.readAllBytes(upload), 40_000_000);
        MediaId id = new MediaId(UUID.randomUUID());
        for (ImageProcessor.Variant v : processed.variants()) {
            storage.put(MediaStorage.key(new TenantId(1), id, v.name()), v.bytes(), processed.contentType());
        }
        return processed;
    }
}
