package dev.loyalty.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wx.*}: the Mini Program, the official account, the sandbox and how patiently we call WeChat. */
@ConfigurationProperties("wx")
record WxProperties(MiniApp miniapp, Mp mp, Sandbox sandbox, Http http) {

    record MiniApp(String appid, String secret, String apiHostUrl) {
    }

    record Mp(String appid, String secret, String token, String aesKey, String apiHostUrl) {
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
