package dev.loyalty.support;

import dev.loyalty.LoyaltyApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Another app instance on the same database and Redis: its own connection pool, Redisson client and beans. */
public final class SecondInstance {

    private SecondInstance() {
    }

    public static ConfigurableApplicationContext start(Environment env, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                "--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"),
                "--loyalty.redis.embedded=false",
                "--loyalty.jobs.scheduled=false",
                "--loyalty.admin.username=",
                "--wx.miniapp.api-host-url=" + FakeWeChat.url(),
                "--wx.mp.api-host-url=" + FakeWeChat.url()));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(LoyaltyApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
