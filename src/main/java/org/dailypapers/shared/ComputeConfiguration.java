package org.dailypapers.shared;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance's one {@link ComputePool}, sized by {@code dailypapers.compute.*}. */
@Configuration(proxyBeanMethods = false)
class ComputeConfiguration {

    @Bean(destroyMethod = "close")
    ComputePool computePool(
            @Value("${dailypapers.compute.threads:0}") int threads,
            @Value("${dailypapers.compute.queue:64}") int queue,
            @Value("${dailypapers.compute.max-wait:1s}") Duration maxWait) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new ComputePool(n, queue, maxWait);
    }
}
