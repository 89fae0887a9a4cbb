package dev.partnerapps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnerAppsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerAppsApplication.class, args);
    }
}
