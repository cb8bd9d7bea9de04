package org.dailypapers;

import org.dailypapers.cli.CliLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class DailyPapersApplication {

    public static void main(String[] args) {
        System.exit(CliLauncher.run(DailyPapersApplication.class, args));
    }
}
