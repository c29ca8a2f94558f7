package dev.loyalty.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each value obeys the rule of its key's type, whatever slot it comes from. */
class TemplateDataTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOON_UTC = Instant.parse("2026-11-30T04:05:59Z");

    @Test
    void aPointsChangeFillsThingCharacterStringNumberAndTime() {
        List<Map.Entry<String, String>> data = TemplateData.fill(List.of("thing1", "character_string2", "number3", "time4"),
                List.of(new TemplateData.Text("签到奖励"), new TemplateData.Points(10, true),
                        new TemplateData.Points(120, false), new TemplateData.At(NOON_UTC)), SHANGHAI);

        assertThat(data).containsExactly(Map.entry("thing1", "签到奖励"), Map.entry("character_string2", "+10"),
                Map.entry("number3", "120"), Map.entry("time4", "2026-11-30 12:05"));
    }

    @Test
    void moneyIsYuanWithTwoDecimalsForAmountAndBareForNumber() {
        assertThat(TemplateData.value("amount2", new TemplateData.Cents(-1234, true), SHANGHAI)).isEqualTo("¥12.34");
        assertThat(TemplateData.value("amount3", new TemplateData.Cents(5, false), SHANGHAI)).isEqualTo("¥0.05");
        assertThat(TemplateData.value("number2", new TemplateData.Cents(7000, false), SHANGHAI)).isEqualTo("70.00");
        assertThat(TemplateData.value("character_string2", new TemplateData.Cents(-3000, true), SHANGHAI)).isEqualTo("-30.00");
        assertThat(TemplateData.value("thing1", new TemplateData.Cents(-3000, true), SHANGHAI)).isEqualTo("-¥30.00");
    }

    @Test
    void wordsAreCutToTheLengthTheirTypeAllows() {
        String long30 = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";

        assertThat(TemplateData.value("thing1", new TemplateData.Text(long30), SHANGHAI))
                .hasSize(20).endsWith("…").startsWith("一二三四五六七八九十一二三四五六七八九");
        assertThat(TemplateData.value("phrase2", new TemplateData.Text("即将过期了哦"), SHANGHAI)).isEqualTo("即将过期…");
        assertThat(TemplateData.value("phrase2", new TemplateData.Text("已使用"), SHANGHAI)).isEqualTo("已使用");
        assertThat(TemplateData.value("thing1", new TemplateData.Text("恰好二十个字恰好二十个字恰好二十个字恰好"), SHANGHAI))
                .isEqualTo("恰好二十个字恰好二十个字恰好二十个字恰好");
    }

    @Test
    void aDateKeyGetsTheBusinessDay() {
        assertThat(TemplateData.value("date2", new TemplateData.At(Instant.parse("2026-11-30T17:00:00Z")), SHANGHAI))
                .isEqualTo("2026-12-01");
    }
}
