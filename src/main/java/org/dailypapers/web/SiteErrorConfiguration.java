package org.dailypapers.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires {@link SiteErrors}: the last exception resolver, the parameter check and Tomcat's error valve. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SiteErrorConfiguration {

    @Bean
    SiteErrors.LastResolver lastExceptionResolver() {
        return new SiteErrors.LastResolver();
    }

    @Bean
    FilterRegistrationBean<SiteErrors.UnreadableParameters> unreadableParameters() {
        FilterRegistrationBean<SiteErrors.UnreadableParameters> registration =
                new FilterRegistrationBean<>(new SiteErrors.UnreadableParameters());
        // after the character-encoding filter (the body's charset must be set first), before Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Runs after Spring Boot's own customizer, which installs a plain ErrorReportValve that this one replaces. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> serverErrorValve() {
        return new ErrorValveCustomizer();
    }

    private static final class ErrorValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (!(context.getParent() instanceof Host host)) {
                    return;
                }
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(v);
                    }
                }
                host.getPipeline().addValve(new ServerErrorValve());
                if (host instanceof StandardHost standard) {
                    // so that starting the host does not add Tomcat's default valve beside this one
                    standard.setErrorReportValveClass(ServerErrorValve.class.getName());
                }
            });
        }
    }
}
