package dev.loyalty.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml passes every WeChat template setting to the app as an environment variable that Spring
 * binds to the property it is meant for, map keys with dashes included, and defaults each to what
 * application.yml ships.
 */
class ComposeEnvironmentTest {

    private static final List<String> KINDS = List.of("points-changed", "wallet-changed", "coupon-changed", "level-changed");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-(.*)}");

    record Template(String id, List<String> keys, String page) {
    }

    @Test
    void everyTemplateSettingHasAVariableThatBindsToItsPropertyAndDefaultsToTheShippedValue() throws IOException {
        Map<String, String> compose = appEnvironment();
        PropertySource<?> shipped = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0);
        Map<String, Object> variables = new LinkedHashMap<>();
        compose.keySet().stream().filter(name -> name.startsWith("WX_")).forEach(name -> variables.put(name, "v-" + name));
        StandardEnvironment env = environment(variables, shipped);

        assertThat(compose).containsKeys("WX_MP_AES_KEY", "WX_MINIAPP_TEMPLATE_SIGN_IN_REMINDER");
        assertThat(env.getProperty("wx.mp.aes-key")).isEqualTo("v-WX_MP_AES_KEY");
        assertThat(env.getProperty("wx.miniapp.template.sign-in-reminder")).isEqualTo("v-WX_MINIAPP_TEMPLATE_SIGN_IN_REMINDER");
        for (String channel : List.of("mp", "miniapp")) {
            Map<String, Template> bound = Binder.get(env)
                    .bind("wx." + channel + ".templates", Bindable.mapOf(String.class, Template.class)).orElse(Map.of());
            for (String kind : KINDS) {
                String variable = "WX_" + channel.toUpperCase() + "_TEMPLATES_" + kind.toUpperCase().replace('-', '_');
                assertThat(compose).containsKeys(variable + "_ID", variable + "_KEYS", variable + "_PAGE");
                assertThat(defaultOf(compose, variable + "_ID")).isEmpty();
                String prefix = "wx." + channel + ".templates." + kind + ".";
                if (shipped.containsProperty(prefix + "id")) {
                    assertThat(bound.get(kind)).isEqualTo(new Template("v-" + variable + "_ID",
                            List.of("v-" + variable + "_KEYS"), "v-" + variable + "_PAGE"));
                    assertThat(defaultOf(compose, variable + "_KEYS")).isEqualTo(String.valueOf(shipped.getProperty(prefix + "keys")));
                    assertThat(defaultOf(compose, variable + "_PAGE")).isEqualTo(String.valueOf(shipped.getProperty(prefix + "page")));
                }
            }
        }
        assertThat(compose).doesNotContainKey("WX_MP_TEMPLATE_POINTS_CHANGED");
    }

    private static StandardEnvironment environment(Map<String, Object> variables, PropertySource<?> shipped) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        env.getPropertySources().addLast(shipped);
        ConfigurationPropertySources.attach(env);
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> appEnvironment() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) file.get("services")).get("app");
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) app.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    private static String defaultOf(Map<String, String> compose, String variable) {
        Matcher m = DEFAULTED.matcher(compose.get(variable));
        assertThat(m.matches()).as(variable + " is ${" + variable + ":-default}").isTrue();
        assertThat(m.group(1)).isEqualTo(variable);
        return m.group(2);
    }
}
