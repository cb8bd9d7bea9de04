package org.dailypapers.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document that /docs links to; springdoc fills in the paths. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI dailyPapersOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("dailypapers API")
                        .version("0.1.0")
                        .description("Read the daily feed and papers of this instance. Paper and daily-paper objects"
                                + " carry Hugging Face's field names, so Hugging Face clients work unchanged. Atom"
                                + " feeds of every list are described on /docs."));
    }
}
