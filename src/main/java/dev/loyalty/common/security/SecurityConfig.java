package dev.loyalty.common.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Members (Mini Program tokens) reach {@code /api/app/**} and {@code /api/staff/**} (staff bindings are
 * checked by the counter), operators reach what their role allows of {@code /api/admin/**} ({@link OperatorAccess}).
 * {@code /api/open/**} is authenticated by its signature, not by a token (the open module's filter).
 * Everything else that is public says so here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenService tokens, ActiveAdmins activeAdmins,
            ProblemWriter problems, DeletedMembers deletedMembers) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, activeAdmins, problems, deletedMembers), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Log in first: send Authorization: Bearer <token>"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "This token may not use this endpoint")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/app/auth/login", "/api/admin/auth/login").permitAll()
                        // uploaded avatars: public like WeChat's own avatar URLs, the unguessable id is the secret
                        .requestMatchers(HttpMethod.GET, "/media/avatars/*").permitAll()
                        // tills and ERPs: every request is signed with a store's API key, checked by the open module's filter
                        .requestMatchers("/api/open/**").permitAll()
                        .requestMatchers("/api/app/**", "/api/staff/**").hasRole("MEMBER")
                        .requestMatchers("/api/admin/**").access(new OperatorAccess())
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }
}
