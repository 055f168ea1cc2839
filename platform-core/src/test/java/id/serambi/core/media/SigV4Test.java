package id.serambi.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The signer against the example AWS publishes in its Signature Version 4 documentation (IAM ListUsers). */
class SigV4Test {
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @Test
    void the_signing_key_is_derived_as_aws_documents() {
        SigV4 signer = new SigV4("AKIDEXAMPLE", SECRET, "us-east-1", "iam");
        assertThat(HexFormat.of().formatHex(signer.signingKey("20150830")))
                .isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    @Test
    void the_published_example_request_gets_the_published_signature() {
        SigV4 signer = new SigV4("AKIDEXAMPLE", SECRET, "us-east-1", "iam");
        Map<String, String> headers = signer.sign("GET", URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"),
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), SigV4.EMPTY_PAYLOAD,
                Instant.parse("2015-08-30T12:36:00Z"));
        assertThat(headers).containsEntry("x-amz-date", "20150830T123600Z");
        assertThat(headers.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void query_parameters_are_sorted_and_encoded_and_other_inputs_change_the_signature() {
        SigV4 signer = new SigV4("AKIDEXAMPLE", SECRET, "us-east-1", "iam");
        Instant at = Instant.parse("2015-08-30T12:36:00Z");
        Map<String, String> ct = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        String sorted = signer.sign("GET", URI.create("https://iam.amazonaws.com/?Version=2010-05-08&Action=ListUsers"), ct,
                SigV4.EMPTY_PAYLOAD, at).get("Authorization");
        assertThat(sorted).endsWith("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
        String otherRegion = new SigV4("AKIDEXAMPLE", SECRET, "ap-southeast-3", "iam").sign("GET",
                URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"), ct, SigV4.EMPTY_PAYLOAD, at).get("Authorization");
        assertThat(otherRegion).doesNotEndWith("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
        assertThat(SigV4.encode("a b*~/=")).isEqualTo("a%20b%2A~%2F%3D");
    }
}
