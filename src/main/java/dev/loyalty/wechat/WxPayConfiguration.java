package dev.loyalty.wechat;

import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import com.github.binarywang.wxpay.v3.WxPayV3HttpClientBuilder;
import com.github.binarywang.wxpay.v3.auth.PublicCertificateVerifier;
import com.github.binarywang.wxpay.v3.auth.WxPayValidator;
import org.apache.http.client.config.RequestConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WxJava's WeChat Pay service in public-key mode. The API v3 client and its verifier are built here rather
 * than by WxJava, because WxJava 4.7.5.B would first try to download the platform certificates
 * ({@code /v3/certificates}) whenever a merchant key is set, and closes its cached client after every request
 * (the connection manager is therefore shared: closing the client leaves it open).
 */
@Configuration(proxyBeanMethods = false)
class WxPayConfiguration {

    @Bean
    PayKeys payKeys(WxProperties props, @Value("${wx.sandbox.enabled:false}") boolean sandbox) {
        return PayKeys.of(props.pay(), sandbox);
    }

    @Bean
    WxPayService wxPayService(WxProperties props, PayKeys keys) {
        WxProperties.Pay pay = props.pay();
        WxPayConfig config = new WxPayConfig();
        config.setAppId(isBlank(pay.appid()) ? props.miniapp().appid() : pay.appid());
        config.setMchId(pay.mchId());
        config.setApiV3Key(pay.apiV3Key());
        config.setCertSerialNo(pay.certSerialNo());
        config.setPublicKeyId(pay.publicKeyId());
        config.setNotifyUrl(pay.notifyUrl());
        config.setPayBaseUrl(isBlank(pay.apiHostUrl()) ? null : WxConfig.hostOrDefault(pay.apiHostUrl()));
        int millis = (int) props.http().timeout().toMillis();
        config.setHttpConnectionTimeout(millis);
        config.setHttpTimeout(millis);
        if (keys.configured()) {
            PublicCertificateVerifier verifier = new PublicCertificateVerifier(keys.platformPublic(), pay.publicKeyId());
            config.setPrivateKey(keys.merchantPrivate());
            config.setVerifier(verifier);
            WxPayV3HttpClientBuilder client = WxPayV3HttpClientBuilder.create()
                    .withMerchant(pay.mchId(), pay.certSerialNo(), keys.merchantPrivate())
                    .withValidator(new WxPayValidator(verifier));
            client.setConnectionManagerShared(true);
            client.setMaxConnTotal(50);
            client.setMaxConnPerRoute(50);
            client.setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(millis)
                    .setConnectionRequestTimeout(millis).setSocketTimeout(millis).build());
            config.setApiV3HttpClient(client.build());
        }
        WxPayServiceImpl service = new WxPayServiceImpl();
        service.setConfig(config);
        return service;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
