package io.directline;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@Modulithic(systemName = "Direct Line")
@EnableAsync
@EnableScheduling
@SpringBootApplication
@ConfigurationPropertiesScan
public class DirectLineApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectLineApplication.class, args);
    }

    /** Every module reads time from this clock, so tests can travel in time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
