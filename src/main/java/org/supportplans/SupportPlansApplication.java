package org.supportplans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Support Plans: referrals, evaluations and IEP, Section 504 and ALP plans on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportPlansApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportPlansApplication.class, args);
    }
}
