package dev.loyalty.support;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
class TestBeans {

    @Bean
    @Primary
    MutableClock testClock(@Value("${loyalty.zone}") ZoneId zone) {
        return new MutableClock(zone);
    }

    @Bean
    RecordedPointsEvents recordedPointsEvents() {
        return new RecordedPointsEvents();
    }

    @Bean
    RecordedSegmentEvents recordedSegmentEvents() {
        return new RecordedSegmentEvents();
    }
}
