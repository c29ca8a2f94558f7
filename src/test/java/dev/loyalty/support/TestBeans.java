package dev.loyalty.support;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@TestConfiguration(proxyBeanMethods = false)
class TestBeans {

    @Bean
    @Primary
    MutableClock testClock(@Value("${loyalty.zone}") ZoneId zone) {
        return new MutableClock(zone);
    }

    /**
     * BCrypt at its least cost: the suite creates and logs in operators by the hundred, each hash at the app's cost
     * 10 taking a hundred milliseconds on a busy machine. ProductionExposureTest, a context without this, checks the
     * app's own cost.
     */
    @Bean
    @Primary
    PasswordEncoder testPasswordEncoder() {
        return new BCryptPasswordEncoder(4);
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
