/**
 * WeChat: the WxJava services of the Mini Program, the official account and WeChat Pay (behind
 * {@link dev.loyalty.wechat.WeChatPay}), the configurable API host, and the sandbox that answers WeChat's endpoints
 * locally so the app runs offline.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.loyalty.wechat;

import org.springframework.modulith.ApplicationModule;
