package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.media.SampleFiles;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * A manual run, not part of the build (the name does not end in "Test"): the largest upload the shipped
 * settings accept, through the real API, with the time it takes on this machine. Run with
 * {@code mvn -o verify -pl tenant-admin -am -Dtest=LargestUploadRun -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@MicronautTest(environments = "admin", transactional = false)
class LargestUploadRun extends AdminHttpTest {
    static final int MB = 1024 * 1024;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject JsonMapper json;
    String token;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        try {
            properties.put("serambi.media.dir", Files.createTempDirectory("serambi-largest").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        properties.put("micronaut.http.client.max-content-length", String.valueOf(200 * MB));
        properties.put("micronaut.http.client.read-timeout", "120s");
        return properties;
    }

    @BeforeAll
    void editor() throws IOException {
        Tenant dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        accounts.createMember(Fixtures.SYSTEM, dinkes.id(), new NewAccount("editor-dinkes", "Editor", null, Fixtures.PASSWORD), Role.EDITOR, false);
        Reply session = send(HttpRequest.POST("/api/v1/sessions", Map.of("username", "editor-dinkes", "password", Fixtures.PASSWORD)));
        token = (String) json.readValue(session.body(), Map.class).get("token");
    }

    @Test
    void the_largest_video_the_shipped_limits_accept() {
        report("MP4 exactly 100 MB", mp4(100 * MB), 201);
        report("MP4 100 MB + 1 byte", mp4(100 * MB + 1), 400);
        byte[] photo = SampleFiles.jpeg(4000, 3000, true);
        java.util.List<Long> times = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            times.add(report("JPEG 4000×3000 #" + (i + 1), photo, 201));
        }
        java.util.Collections.sort(times);
        System.out.println("JPEG 4000×3000 through the API, median of 7: " + times.get(3) + " ms " + times);
        report("MP4 112 MB (over the server's request limit)", mp4(112 * MB), 413);
    }

    private long report(String what, byte[] bytes, int expected) {
        String name = what.startsWith("JPEG") ? "foto.jpg" : "video.mp4";
        long start = System.nanoTime();
        Reply reply = send(HttpRequest.POST("/api/v1/tenants/dinkes/media", MultipartBody.builder()
                .addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-48s %,12d bytes -> HTTP %d in %,d ms%n", what, bytes.length, reply.code(), millis);
        assertThat(reply.code()).as(what + ": " + reply.body()).isEqualTo(expected);
        return millis;
    }

    private static byte[] mp4(int size) {
        byte[] video = new byte[size];
        byte[] head = SampleFiles.mp4();
        System.arraycopy(head, 0, video, 0, head.length);
        return video;
    }
}
