package org.dailypapers.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.dailypapers.shared.DailyPapersProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document that /docs links to; springdoc fills in the paths. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * The server is the configured public address: springdoc would otherwise build it from the request's
     * {@code Host} header, which any client can set (a poisoned cache would then send readers elsewhere).
     */
    @Bean
    OpenAPI dailyPapersOpenApi(DailyPapersProperties properties) {
        String base = properties.baseUrl().strip().replaceAll("/+$", "");
        return new OpenAPI()
                .servers(List.of(new Server().url(base).description("this instance")))
                .info(new Info()
                        .title("dailypapers API")
                        .version("0.1.0")
                        .description("Read the daily feed and papers of this instance. Paper and daily-paper objects"
                                + " carry Hugging Face's field names, so Hugging Face clients work unchanged. Atom"
                                + " feeds of every list are described on /docs."));
    }
}
