package dev.loyalty.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import dev.loyalty.common.redis.RedisGuard;
import me.chanjar.weixin.common.redis.RedissonWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WxJava services. Access tokens live in Redis so every app instance shares one token, with a copy in
 * memory for while Redis is away ({@link SharedTokenStore}); every call, the token call included, goes
 * to the configured API host.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WxProperties.class)
class WxConfig {

    static final String DEFAULT_API_HOST = "https://api.weixin.qq.com";

    @Bean
    SharedTokenStore wxTokenStore(RedissonClient redisson, RedisGuard guard) {
        return new SharedTokenStore(new RedissonWxRedisOps(redisson), guard);
    }

    @Bean
    WxMaService wxMaService(WxProperties props, SharedTokenStore tokens) {
        WxMaRedisBetterConfigImpl config = new WxMaRedisBetterConfigImpl(tokens, "loyalty:wx:ma");
        config.setAppid(props.miniapp().appid());
        config.setSecret(props.miniapp().secret());
        config.setApiHostUrl(hostOrDefault(props.miniapp().apiHostUrl()));
        config.setApacheHttpClientBuilder(httpClient(props.http()));
        config.setMaxRetryTimes(props.http().maxRetries());
        config.setRetrySleepMillis((int) props.http().retryDelay().toMillis());
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setMaxRetryTimes(props.http().maxRetries());
        service.setRetrySleepMillis((int) props.http().retryDelay().toMillis());
        return service;
    }

    @Bean
    WxMpService wxMpService(WxProperties props, SharedTokenStore tokens) {
        WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(tokens, "loyalty:wx:mp");
        config.setAppId(props.mp().appid());
        config.setSecret(props.mp().secret());
        config.setToken(props.mp().token());
        config.setAesKey(props.mp().aesKey());
        config.setHostConfig(mpHosts(hostOrDefault(props.mp().apiHostUrl())));
        config.setApacheHttpClientBuilder(httpClient(props.http()));
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        // notifications retry on their own schedule (the outbox), so the client does not retry by itself
        service.setMaxRetryTimes(0);
        return service;
    }

    static WxMpHostConfig mpHosts(String apiHost) {
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(apiHost);
        hosts.setMpHost(apiHost);
        hosts.setOpenHost(apiHost);
        return hosts;
    }

    static String hostOrDefault(String host) {
        if (host == null || host.isBlank()) {
            return DEFAULT_API_HOST;
        }
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    private static DefaultApacheHttpClientBuilder httpClient(WxProperties.Http http) {
        int millis = (int) http.timeout().toMillis();
        DefaultApacheHttpClientBuilder builder = DefaultApacheHttpClientBuilder.get();
        builder.setConnectionRequestTimeout(millis);
        builder.setConnectionTimeout(millis);
        builder.setSoTimeout(millis);
        return builder;
    }
}
