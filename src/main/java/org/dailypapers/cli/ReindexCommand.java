package org.dailypapers.cli;

import java.util.concurrent.Callable;
import org.dailypapers.search.SearchMaintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the search index from the catalog. Stored vectors are reused, never recomputed; papers without"
                    + " one are embedded by the server in the background, or here with --embed.",
            "Stop the server first: it holds the index while it runs."
        })
class ReindexCommand implements Callable<Integer> {

    @Option(names = "--embed", description = "also embed every paper that has no vector yet, with progress")
    boolean embed;

    @Override
    public Integer call() {
        try (var context = SpringContexts.startOffline()) {
            SearchMaintenance search = context.getBean(SearchMaintenance.class);
            ConsoleBar indexing = new ConsoleBar(System.err, "indexing");
            long indexed = search.rebuild(indexing::update);
            indexing.finish();
            long embedded = 0;
            if (embed) {
                ConsoleBar embedding = new ConsoleBar(System.err, "embedding");
                embedded = search.embedMissing(embedding::update);
                embedding.finish();
            }
            System.out.println("indexed=" + indexed + " embedded=" + embedded);
            return 0;
        }
    }
}
