package dev.loyalty.open;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Till;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The README's worked example, whose signature was computed with {@code openssl dgst -sha256 -hmac} by the
 * README's own shell snippet: the app's recipe and the tests' signer both give exactly that.
 */
class RequestSignatureTest {

    static final String SECRET = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String TIMESTAMP = "1767225600";
    static final String NONCE = "3f2b8c1e-7a4d-4e0b-9c61-5d2f8a0b1c7e";
    static final String BODY = "{\"memberCode\":\"MC123456789012345\",\"orderNo\":\"T-1001\",\"amountCents\":12800}";
    /** printf '%s' "$BODY" | openssl dgst -sha256 */
    static final String BODY_SHA256 = "6aff9e6e2049b9a6b82a8c6b7a294321ce322f912082ca84bdd04b2b53d51f92";
    /** The README snippet's SIG. */
    static final String OPENSSL_SIGNATURE = "949b357a0b4627ea21f8ee3f25ccd59b19c76e13c361bf696b5abcb1d23b8069";

    @Test
    void theReadmeExampleSignsAsOpensslDoes() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String canonical = RequestSignature.canonical("POST", "/api/open/v1/purchases", TIMESTAMP, NONCE, body);

        assertThat(canonical).isEqualTo("POST\n/api/open/v1/purchases\n" + TIMESTAMP + "\n" + NONCE + "\n" + BODY_SHA256);
        assertThat(RequestSignature.sign(SECRET, canonical)).isEqualTo(OPENSSL_SIGNATURE);
        assertThat(Till.signature(SECRET, "POST", "/api/open/v1/purchases", TIMESTAMP, NONCE, body)).isEqualTo(OPENSSL_SIGNATURE);
    }

    @Test
    void noBodyHashesTheEmptyString() {
        assertThat(RequestSignature.canonical("POST", "/api/open/v1/wallet/payments/T-1/refund", TIMESTAMP, NONCE, new byte[0]))
                .endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void signaturesAreComparedWhole() {
        assertThat(RequestSignature.matches(OPENSSL_SIGNATURE, OPENSSL_SIGNATURE)).isTrue();
        assertThat(RequestSignature.matches(OPENSSL_SIGNATURE, OPENSSL_SIGNATURE.substring(0, 63) + "0")).isFalse();
        assertThat(RequestSignature.matches(OPENSSL_SIGNATURE, OPENSSL_SIGNATURE.substring(0, 32))).isFalse();
    }
}
