package dev.partnerapps;

import dev.partnerapps.system.AotProfileCheck;
import dev.partnerapps.system.PerThreadSecureRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnerAppsApplication {

    static {
        // Before anything takes the JVM's default SecureRandom (docs/operations.md, "the tail at 32
        // connections"); in a class initialiser so that tests, which load this class, get it too.
        PerThreadSecureRandom.install();
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PartnerAppsApplication.class);
        application.addListeners(new AotProfileCheck());
        application.run(args);
    }
}
