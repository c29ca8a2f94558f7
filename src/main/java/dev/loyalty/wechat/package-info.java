/**
 * WeChat: the WxJava services of the Mini Program and the official account, the configurable API host,
 * and the sandbox that answers WeChat's endpoints locally so the app runs offline.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.loyalty.wechat;

import org.springframework.modulith.ApplicationModule;
