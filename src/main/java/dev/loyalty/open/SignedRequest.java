package dev.loyalty.open;

/**
 * What a request to the open API says about itself: the four signing headers as sent (any may be null) and what
 * they sign: the method, the path with its query as sent, and the body's bytes.
 */
public record SignedRequest(String keyId, String timestamp, String nonce, String signature, String method,
        String pathAndQuery, byte[] body) {
}
