package dev.loyalty.common.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console is static files under {@code static/admin/}; {@code /admin/} answers its
 * {@code index.html} and {@code /admin} sends the browser there, so relative paths resolve.
 */
@Configuration(proxyBeanMethods = false)
class AdminConsoleConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/admin", "/admin/");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }
}
