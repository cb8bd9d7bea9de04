package org.dailypapers.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One polite HTTP gate for all arXiv traffic of this process: harvests and look-ups share arXiv's rate limit. */
@Configuration(proxyBeanMethods = false)
class ArxivConfiguration {

    @Bean
    Sleeper arxivSleeper() {
        return Sleeper.REAL;
    }

    @Bean
    PoliteHttp arxivHttp(ArxivProperties properties, Sleeper sleeper) {
        return PoliteHttp.of(properties, sleeper);
    }
}
