package dev.loyalty.common.persistence;

import com.baomidou.mybatisplus.autoconfigure.ConfigurationCustomizer;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.OptimisticLockerInnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MybatisPlusConfig {

    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor() {
        MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
        PaginationInnerInterceptor pagination = new PaginationInnerInterceptor();
        pagination.setMaxLimit(100L);
        interceptor.addInnerInterceptor(pagination);
        interceptor.addInnerInterceptor(new OptimisticLockerInnerInterceptor());
        return interceptor;
    }

    /** Instants to the microsecond; through MySQL's Connector/J as text, which keeps the fraction on MariaDB. */
    @Bean
    ConfigurationCustomizer instantsAsDateTimes(@Value("${spring.datasource.url:}") String url) {
        InstantTypeHandler instants = new InstantTypeHandler(url.startsWith("jdbc:mysql:"));
        return configuration -> configuration.getTypeHandlerRegistry().register(Instant.class, instants);
    }
}
