package org.dailypapers.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dailypapers.ingest.DemoData;
import org.dailypapers.shared.FleetLocks;
import org.dailypapers.shared.StartupTasks;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the site and the API. An empty catalog first gets the bundled demo data set.")
class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(names = "--no-demo", description = "do not load the demo data set into an empty catalog")
    boolean noDemo;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        // readiness stays OUT_OF_SERVICE until the demo data is in (see StartupTasks)
        properties.put("dailypapers.serve.startup-tasks", true);
        var context = SpringContexts.start(true, properties);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (!noDemo) {
            // Instances starting together on one empty database: one loads, the others wait for it to finish.
            FleetLocks locks = context.getBean(FleetLocks.class);
            while (!locks.runIfFree(FleetLocks.DEMO_DATA, () -> context.getBean(DemoData.class)
                    .loadIfEmpty(new ConsoleProgress(System.err))
                    .ifPresent(s -> System.out.println("loaded the demo data set: " + s.line())))) {
                Thread.sleep(1_000);
            }
        }
        context.getBean(StartupTasks.class).done();
        int actualPort = context instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : port;
        System.out.println("dailypapers is serving on http://localhost:" + actualPort + "/");
        closed.await();
        return 0;
    }
}
