package dev.loyalty.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wx.*}: the Mini Program, the official account, WeChat Pay, the sandbox and how patiently we call WeChat. */
@ConfigurationProperties("wx")
record WxProperties(MiniApp miniapp, Mp mp, Pay pay, Sandbox sandbox, Http http) {

    record MiniApp(String appid, String secret, String apiHostUrl) {
    }

    record Mp(String appid, String secret, String token, String aesKey, String apiHostUrl) {
    }

    /**
     * WeChat Pay API v3 in public-key mode: the merchant's private key and certificate serial sign requests,
     * the WeChat Pay public key ({@code publicKeyId}) verifies answers and notifies, the API v3 key decrypts
     * them. Empty key paths with the sandbox on: the sandbox makes both key pairs at start-up.
     */
    record Pay(String appid, String mchId, String apiV3Key, String privateKeyPath, String certSerialNo, String publicKeyId,
            String publicKeyPath, String notifyUrl, String apiHostUrl) {
    }

    record Sandbox(boolean enabled) {
    }

    /**
     * A member waits on login, so calls are bounded: {@code timeout} per connect and per read, and at most
     * {@code maxRetries} retries of WeChat's "system busy" (-1) answer, {@code retryDelay} apart.
     */
    record Http(Duration timeout, int maxRetries, Duration retryDelay) {
    }
}
