package dev.loyalty.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.binarywang.wx.miniapp.api.WxMaService;
import dev.loyalty.support.IntegrationTest;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

class MiniProgramTest extends IntegrationTest {

    @Autowired
    MiniProgram miniProgram;

    @Autowired
    WxMaService wxMaService;

    @Autowired
    RedissonClient redisson;

    @Test
    void theAccessTokenIsSharedThroughRedis() {
        miniProgram.identify(unique("token"));

        assertThat(redisson.getKeys().getKeysStreamByPattern("loyalty:wx:ma*").toList()).isNotEmpty();
    }

    @Test
    void anUnreachableWeChatIsUnavailableQuickly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String original = wxMaService.getWxMaConfig().getApiHostUrl();
        wxMaService.getWxMaConfig().setApiHostUrl("http://127.0.0.1:" + closedPort);
        wxMaService.getWxMaConfig().expireAccessToken();
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> miniProgram.identify(unique("down")))
                    .isInstanceOf(WxUnavailableException.class)
                    .extracting("code").isEqualTo("WX_UNAVAILABLE");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            wxMaService.getWxMaConfig().setApiHostUrl(original);
        }
    }

    @Test
    void anExceptionInsideTheWeChatClientIsUnavailableNotAnError() {
        String original = wxMaService.getWxMaConfig().getApiHostUrl();
        // a host URL the HTTP client cannot parse: it throws IllegalArgumentException, not a WeChat exception
        wxMaService.getWxMaConfig().setApiHostUrl("http://127.0.0.1:1/not a url");
        try {
            assertThatThrownBy(() -> miniProgram.identify(unique("client")))
                    .isInstanceOf(WxUnavailableException.class)
                    .extracting("code").isEqualTo("WX_UNAVAILABLE");
        } finally {
            wxMaService.getWxMaConfig().setApiHostUrl(original);
        }
    }
}
