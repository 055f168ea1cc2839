package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micronaut.context.ApplicationContext;

/** The storage is chosen by configuration: a local directory unless serambi.media.storage is "s3". */
class MediaStorageChoiceTest {
    @Test
    void local_by_default() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("serambi.media.dir", "/tmp/serambi-choice"))) {
            MediaStorage storage = context.getBean(MediaStorage.class);
            assertThat(storage).isInstanceOf(LocalMediaStorage.class);
            assertThat(((LocalMediaStorage) storage).root()).hasToString("/tmp/serambi-choice");
        }
    }

    @Test
    void s3_when_configured() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("serambi.media.storage", "s3",
                "serambi.media.s3.endpoint", "https://s3.ap-southeast-3.amazonaws.com", "serambi.media.s3.bucket", "serambi",
                "serambi.media.s3.access-key", "AK", "serambi.media.s3.secret-key", "SK"))) {
            assertThat(context.getBean(MediaStorage.class)).isInstanceOf(S3MediaStorage.class);
        }
    }
}
