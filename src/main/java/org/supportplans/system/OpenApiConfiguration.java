package org.supportplans.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI supportPlansOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Support Plans API")
                        .version("v1")
                        .description("Referrals, cases, compliance clocks and reports for IEPs, Section 504 plans"
                                + " and Advanced Learning Plans. Sign in with your staff user id (HTTP Basic)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "staff",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("staff"));
    }
}
