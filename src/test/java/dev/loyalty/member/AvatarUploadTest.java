package dev.loyalty.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The avatar chooseAvatar gives: uploaded as multipart, stored by the app, served back at a stable public URL. */
class AvatarUploadTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TWO_MB = 2L * 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void logIn() {
        token = loginMember(unique("ava"));
    }

    @Test
    void anUploadedPngIsTheAvatarAndIsServedBackAsIs() throws Exception {
        byte[] png = png(300);

        HttpResponse<byte[]> upload = upload(token, "avatar.png", "image/png", png);

        assertThat(upload.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(upload.body());
        String url = answer.path("avatarUrl").asString();
        assertThat(url).matches("/media/avatars/[0-9a-f]{32}\\.png");
        assertThat(answer.path("points").path("balance").isNumber()).as("the same body as GET /api/app/me").isTrue();
        assertThat(api.as(token).get("/api/app/me").json().path("avatarUrl").asString()).isEqualTo(url);

        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(uri(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).as("served without a token").isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "public");
    }

    @Test
    void theTypeIsToldByTheBytesNotByTheNameOrDeclaredType() throws Exception {
        byte[] text = "this is not an image, whatever its name says\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> upload = upload(token, "avatar.png", "image/png", text);

        assertThat(upload.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(upload.body());
        assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("file");
    }

    @Test
    void jpegGifAndWebpAreAcceptedWithTheirOwnType() throws Exception {
        byte[] webp = Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 64);
        byte[] gif = Arrays.copyOf("GIF89a".getBytes(StandardCharsets.US_ASCII), 64);
        byte[] jpeg = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 64);

        assertThat(servedTypeOf(upload(token, "a.bin", "application/octet-stream", webp))).isEqualTo("image/webp");
        assertThat(servedTypeOf(upload(token, "a.bin", "application/octet-stream", gif))).isEqualTo("image/gif");
        assertThat(servedTypeOf(upload(token, "a.bin", "application/octet-stream", jpeg))).isEqualTo("image/jpeg");
    }

    @Test
    void anImageOfExactlyTwoMegabytesIsAccepted() throws Exception {
        HttpResponse<byte[]> upload = upload(token, "big.png", "image/png", png((int) TWO_MB));

        assertThat(upload.statusCode()).isEqualTo(200);
    }

    @Test
    void oneByteOverTwoMegabytesIsTooLarge() throws Exception {
        HttpResponse<byte[]> upload = upload(token, "big.png", "image/png", png((int) TWO_MB + 1));

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(upload.body()).path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(api.as(token).get("/api/app/me").json().path("avatarUrl").isNull()).isTrue();
    }

    @Test
    void theLargerAllowanceIsForTheAvatarUploadOnly() {
        String body = "{\"nickname\":\"Big\"," + " ".repeat(1_200_000) + "}";

        Api.Response response = api.as(token).patch("/api/app/me", body);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void uploadingNeedsAToken() throws Exception {
        HttpResponse<byte[]> upload = upload(null, "avatar.png", "image/png", png(100));

        assertThat(upload.statusCode()).isEqualTo(401);
    }

    @Test
    void aNewUploadReplacesTheOldOne() throws Exception {
        String first = JSON.readTree(upload(token, "a.png", "image/png", png(100)).body()).path("avatarUrl").asString();

        String second = JSON.readTree(upload(token, "b.png", "image/png", png(200)).body()).path("avatarUrl").asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(api.get(second).status()).isEqualTo(200);
        assertThat(api.get(first).status()).isEqualTo(404);
    }

    @Test
    void unknownAvatarsAreNotFound() {
        Api.Response response = api.get("/media/avatars/00000000000000000000000000000000.png");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aRequestWithoutTheFilePartNamesIt() throws Exception {
        HttpResponse<byte[]> upload = send(token, multipart("other", "a.png", "image/png", png(100)));

        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(upload.body()).path("errors").get(0).path("field").asString()).isEqualTo("file");
    }

    private String servedTypeOf(HttpResponse<byte[]> upload) throws Exception {
        assertThat(upload.statusCode()).isEqualTo(200);
        String url = JSON.readTree(upload.body()).path("avatarUrl").asString();
        return http.send(HttpRequest.newBuilder(uri(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Content-Type").orElse(null);
    }

    /** A PNG signature followed by filler: all the app looks at is the signature. */
    private static byte[] png(int size) {
        byte[] png = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        for (int i = signature.length; i < size; i++) {
            png[i] = (byte) (i * 31);
        }
        return png;
    }

    private HttpResponse<byte[]> upload(String token, String filename, String type, byte[] content) throws Exception {
        return send(token, multipart("file", filename, type, content));
    }

    private record Multipart(String boundary, byte[] body) {
    }

    private static Multipart multipart(String field, String filename, String type, byte[] content) throws IOException {
        String boundary = "----avatar" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, body.toByteArray());
    }

    private HttpResponse<byte[]> send(String token, Multipart multipart) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/app/me/avatar"))
                .header("Content-Type", "multipart/form-data; boundary=" + multipart.boundary())
                .header("X-Forwarded-For", nextClientIp())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
