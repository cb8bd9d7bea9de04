package org.dailypapers.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires {@link SiteErrors}: the last exception resolver and Tomcat's error valve. An undecodable parameter (Tomcat's
 * {@code InvalidParameterException}) needs nothing of its own: thrown in a controller it reaches the last resolver,
 * thrown in a filter it reaches the error controller, and both answer 400.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SiteErrorConfiguration {

    @Bean
    SiteErrors.LastResolver lastExceptionResolver() {
        return new SiteErrors.LastResolver();
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
