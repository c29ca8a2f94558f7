package dev.loyalty.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.github.binarywang.wxpay.service.WxPayService;
import me.chanjar.weixin.mp.api.WxMpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * With the sandbox on, points the WeChat clients that have no explicit API host at this app's own
 * {@code /wx-sandbox} endpoints, once the port is known.
 */
@Component
@ConditionalOnBooleanProperty("wx.sandbox.enabled")
class WxSandboxHost implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(WxSandboxHost.class);

    private final WxProperties props;
    private final WxMaService miniApp;
    private final WxMpService officialAccount;
    private final WxPayService pay;

    WxSandboxHost(WxProperties props, WxMaService miniApp, WxMpService officialAccount, WxPayService pay) {
        this.props = props;
        this.miniApp = miniApp;
        this.officialAccount = officialAccount;
        this.pay = pay;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return;
        }
        String sandbox = "http://127.0.0.1:" + event.getWebServer().getPort() + WxSandboxController.PATH;
        if (isBlank(props.miniapp().apiHostUrl())) {
            miniApp.getWxMaConfig().setApiHostUrl(sandbox);
        }
        if (isBlank(props.mp().apiHostUrl())) {
            officialAccount.getWxMpConfigStorage().setHostConfig(WxConfig.mpHosts(sandbox));
        }
        if (isBlank(props.pay().apiHostUrl())) {
            pay.getConfig().setPayBaseUrl(sandbox);
        }
        if (isBlank(props.pay().notifyUrl())) {
            // the sandbox delivers WeChat Pay's notifies to this app
            pay.getConfig().setNotifyUrl("http://127.0.0.1:" + event.getWebServer().getPort() + "/wx/pay/notify");
        }
        log.warn("WeChat sandbox is ON: WeChat calls are answered by {} (never use this in production)", sandbox);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
