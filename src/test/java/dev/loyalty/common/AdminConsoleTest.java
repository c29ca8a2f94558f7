package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The operator console is served by the app itself, without a token: the page, its modules and libraries. */
class AdminConsoleTest extends IntegrationTest {

    @Test
    void servesTheConsoleAtAdminWithItsModulesAndVendoredLibraries() {
        Api.Response page = api.get("/admin/");
        Api.Response bare = api.get("/admin");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<div id=\"app\">", "js/main.js", "vendor/chartjs/chart.umd.min.js");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).endsWith("/admin/");
        for (String file : new String[] {"/admin/js/main.js", "/admin/js/format.js", "/admin/app.css",
                "/admin/vendor/preact/preact.module.js", "/admin/vendor/preact/hooks.module.js",
                "/admin/vendor/htm/htm.module.js", "/admin/vendor/chartjs/chart.umd.min.js"}) {
            assertThat(api.get(file).status()).as(file).isEqualTo(200);
        }
    }
}
