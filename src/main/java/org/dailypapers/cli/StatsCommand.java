package org.dailypapers.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dailypapers.paper.CatalogCounts;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.StatisticsContributor;
import picocli.CommandLine.Command;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Print catalog counts, one per line: papers, daily_entries, indexed, embedded.")
class StatsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (var context = SpringContexts.startOffline()) {
            CatalogCounts counts = context.getBean(PaperCatalog.class).counts();
            Map<String, Long> lines = new LinkedHashMap<>();
            lines.put("papers", counts.papers());
            lines.put("daily_entries", counts.dailyEntries());
            lines.put("indexed", 0L);
            lines.put("embedded", 0L);
            context.getBeanProvider(StatisticsContributor.class).orderedStream().forEach(c -> {
                c.labels().forEach((k, v) -> System.out.println(k + "=" + v));
                lines.putAll(c.statistics());
            });
            lines.forEach((k, v) -> System.out.println(k + "=" + v));
            return 0;
        }
    }
}
