package org.dailypapers.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dailypapers.ingest.HarvestListener;
import org.dailypapers.ingest.SourceHarvestRequest;
import org.dailypapers.ingest.SourceHarvestSummary;
import org.dailypapers.ingest.SourceHarvester;
import org.dailypapers.paper.Source;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "sources",
        mixinStandardHelpOptions = true,
        description = {
            "The whole ACL Anthology harvest of recorded collection files (HTTP from a server started here on loopback,"
                    + " parsing, matching against the catalog, writing to a fresh embedded catalog), timed twice:"
                    + " cold (the first run of this JVM) and warm. No pause between requests (the loopback server"
                    + " needs no politeness).",
            "Prints per run: bench sources: source=acl run=cold|warm papers=N seconds=S papers/s=X (K cores)"
        })
class BenchSourcesCommand implements Callable<Integer> {

    @Option(
            names = "--acl",
            paramLabel = "DIR",
            defaultValue = "../shared/data/acl-anthology",
            description = "folder of Anthology collection files {collection}.xml (default: ${DEFAULT-VALUE})")
    Path acl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<String> collections = collections();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            Path file = acl.resolve(name).normalize();
            if (!file.startsWith(acl.normalize()) || !name.endsWith(".xml") || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            for (String run : List.of("cold", "warm")) {
                harvest(base, collections, run);
            }
        } finally {
            server.stop(0);
        }
        return 0;
    }

    private List<String> collections() throws IOException {
        if (!Files.isDirectory(acl)) {
            throw new ParameterException(spec.commandLine(), "--acl: no such folder: " + acl);
        }
        try (Stream<Path> files = Files.list(acl)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".xml"))
                    .map(n -> n.substring(0, n.length() - ".xml".length()))
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--acl: no {collection}.xml file in " + acl);
            }
            return names;
        }
    }

    private void harvest(String base, List<String> collections, String run) throws IOException {
        Path home = Files.createTempDirectory("dailypapers-bench-");
        try (var context = SpringContexts.start(
                false,
                Map.of(
                        "dailypapers.home",
                        home.toString(),
                        "dailypapers.db-url",
                        "",
                        "dailypapers.sources.acl-base-url",
                        base,
                        // The politeness pause between requests belongs to a remote server, not to the import's cost.
                        "dailypapers.sources.request-interval",
                        "0s"))) {
            SourceHarvester harvester = context.getBean(SourceHarvester.class);
            long start = System.nanoTime();
            SourceHarvestSummary summary = harvester.harvest(
                    new SourceHarvestRequest(Source.ACL, null, null, collections, List.of()), HarvestListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            long papers = summary.summary().imported() + summary.summary().updated();
            System.out.println(summary.line());
            System.out.printf(
                    "bench sources: source=acl run=%s papers=%d seconds=%.2f papers/s=%.0f (%d cores)%n",
                    run, papers, seconds, papers / seconds, Runtime.getRuntime().availableProcessors());
        } finally {
            FileSystemUtils.deleteRecursively(home);
        }
    }
}
