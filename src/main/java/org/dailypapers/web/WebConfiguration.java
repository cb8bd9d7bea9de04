package org.dailypapers.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.dailypapers.paper.PaperCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GETs for pages and feeds: an ETag over the rendered body lets browsers and feed readers revalidate
 * with a 304 instead of downloading a page again.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final String[] PAGE_PATTERNS = {
        "/",
        "/daily/*",
        "/week/*",
        "/month/*",
        "/trending",
        "/categories/*",
        "/organizations/*",
        "/authors/*",
        "/papers/*",
        "/search",
        "/docs"
    };

    /** At most this many bytes of rendered pages in {@link AnonymousPageCache}: some hundreds of pages. */
    private static final long PAGE_CACHE_BYTES = 64L * 1024 * 1024;

    /**
     * After Spring Security (order -100), so that security headers are written on every answer and requests are
     * recognised as signed in or not; before the ETag filter, whose tag is stored with the page.
     */
    @Bean
    FilterRegistrationBean<AnonymousPageCache> anonymousPageCache(
            PaperCatalog catalog, @Value("${dailypapers.web.page-cache-ttl:5s}") Duration ttl) {
        FilterRegistrationBean<AnonymousPageCache> registration =
                new FilterRegistrationBean<>(new AnonymousPageCache(catalog.newReadCache(PAGE_CACHE_BYTES), ttl));
        registration.setOrder(0);
        registration.setName("anonymousPageCache");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> pageEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(PAGE_PATTERNS);
        registration.addUrlPatterns("/feeds/*");
        registration.setName("pageEtags");
        return registration;
    }

    /**
     * Pages may be stored but must be revalidated (the ETag makes that cheap): without this, Spring Security's
     * default {@code no-store} would make every back-button visit a full download. {@code private} because pages
     * will show the signed-in reader's own votes.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageCacheControl() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Cache-Control", "private, no-cache");
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PAGE_PATTERNS);
        registration.setName("pageCacheControl");
        return registration;
    }
}
