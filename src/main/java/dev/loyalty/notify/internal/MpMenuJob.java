package dev.loyalty.notify.internal;

import dev.loyalty.common.jobs.Job;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes the official account's menu: reads {@code wx.mp.menu.location} (the shipped
 * {@code classpath:mp-menu.json} by default), sets every Mini Program button's appid to
 * {@code wx.miniapp.appid}, and replaces the account's menu with it. On demand only
 * ({@code POST /api/admin/jobs/mp-menu/run}); publishing the same menu twice is harmless.
 */
@Component
class MpMenuJob implements Job {

    static final String NAME = "mp-menu";
    private static final Logger log = LoggerFactory.getLogger(MpMenuJob.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WxMpService officialAccount;
    private final ResourceLoader resources;
    private final String location;
    private final String miniAppId;

    MpMenuJob(WxMpService officialAccount, ResourceLoader resources,
            @Value("${wx.mp.menu.location:classpath:mp-menu.json}") String location,
            @Value("${wx.miniapp.appid:}") String miniAppId) {
        this.officialAccount = officialAccount;
        this.resources = resources;
        this.location = location;
        this.miniAppId = miniAppId;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Answers how many buttons (sub-buttons included) the published menu has. */
    @Override
    public long run() {
        if (miniAppId.isBlank()) {
            throw new IllegalStateException("wx.miniapp.appid is empty: the menu's Mini Program buttons need it");
        }
        JsonNode menu = read();
        long buttons = fillIn(menu.path("button"));
        String body = JSON.writeValueAsString(menu);
        WxCallFailedException.call(NAME, "menu/create", () -> officialAccount.getMenuService().menuCreate(body));
        log.info("Official-account menu published from {}: {} buttons", location, buttons);
        return buttons;
    }

    private JsonNode read() {
        Resource file = resources.getResource(location);
        try (InputStream in = file.getInputStream()) {
            JsonNode menu = JSON.readTree(in);
            if (!menu.path("button").isArray() || menu.path("button").isEmpty()) {
                throw new IllegalStateException("The menu " + location + " has no \"button\" list");
            }
            return menu;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the menu " + location, e);
        }
    }

    private long fillIn(JsonNode buttons) {
        long count = 0;
        for (JsonNode button : buttons) {
            count++;
            if ("miniprogram".equals(button.path("type").asString("")) && button instanceof ObjectNode object) {
                object.put("appid", miniAppId);
            }
            count += fillIn(button.path("sub_button"));
        }
        return count;
    }
}
