/**
 * Members: WeChat login, tokens, profile, phone binding and levels.
 */
@ApplicationModule(allowedDependencies = {"common", "wechat", "audit"})
package dev.loyalty.member;

import org.springframework.modulith.ApplicationModule;
