package org.dailypapers.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.dailypapers.ingest.Curation;
import org.dailypapers.ingest.CurationRule;
import org.dailypapers.ingest.CurationRules;
import org.dailypapers.paper.ArxivId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "curation",
        mixinStandardHelpOptions = true,
        description = "Automatic curation: check the rules file, take proposals off the daily feed.",
        subcommands = {CurationCommand.Rules.class, CurationCommand.Remove.class})
class CurationCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "rules",
            mixinStandardHelpOptions = true,
            description = "Check the curation file (dailypapers.curation.file, default $DAILYPAPERS_HOME/curation.yml)"
                    + " and print its rules. Exits 1 naming the place of the first mistake.")
    static class Rules implements Callable<Integer> {

        @Override
        public Integer call() {
            try (var context = SpringContexts.startOffline()) {
                Curation curation = context.getBean(Curation.class);
                CurationRules rules;
                try {
                    rules = curation.check();
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    return 1;
                }
                System.out.println("file=" + curation.file().toAbsolutePath());
                System.out.println("max-age-days=" + rules.maxAgeDays());
                for (CurationRule r : rules.rules()) {
                    System.out.println("rule '" + r.name() + "':" + part(" categories", r.categories())
                            + part(" keywords", r.keywords()) + part(" authors", r.authors())
                            + part(" organizations", r.organizations())
                            + (r.search() == null ? "" : " search=" + r.search())
                            + (r.similarToUpvoted() == 0 ? "" : " similar-to-upvoted=" + r.similarToUpvoted()));
                }
                System.out.println("rules=" + rules.rules().size());
                return 0;
            }
        }

        private static String part(String label, List<String> values) {
            return values.isEmpty() ? "" : label + "=" + values;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Take papers that curation proposed (submitter auto) off the daily feed for good.")
    static class Remove implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "ID", description = "arXiv ids")
        List<String> ids;

        @Override
        public Integer call() {
            int failed = 0;
            try (var context = SpringContexts.startOffline()) {
                Curation curation = context.getBean(Curation.class);
                for (String text : ids) {
                    var id = ArxivId.parse(text);
                    if (id.isEmpty()) {
                        System.err.println(text + ": not an arXiv id");
                        failed++;
                    } else if (curation.dismiss(id.get())) {
                        System.out.println("removed " + id.get().id());
                    } else {
                        System.err.println(id.get().id() + ": not on the feed as a proposal of curation");
                        failed++;
                    }
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }
}
