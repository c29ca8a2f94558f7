package dev.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.notify.internal.MessageTemplates;
import dev.loyalty.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Every page a message opens by default is a page of the bundled Mini Program. */
class TemplatePagesTest extends IntegrationTest {

    @Autowired
    MessageTemplates templates;

    @Test
    void everyDefaultPageIsInTheMiniProgramsAppJson() throws Exception {
        List<String> pages = new ArrayList<>();
        JsonMapper.builder().build().readTree(Files.readString(Path.of("miniapp-client/miniprogram/app.json")))
                .path("pages").forEach(page -> pages.add(page.asString()));
        List<String> configured = new ArrayList<>();
        templates.mp().templates().values().forEach(t -> configured.add(t.page()));
        templates.miniapp().templates().values().forEach(t -> configured.add(t.page()));

        assertThat(configured).hasSize(10).allSatisfy(page -> assertThat(pages).contains(page));
    }
}
