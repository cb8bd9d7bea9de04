package org.dailypapers.cli;

import picocli.CommandLine.Command;

@Command(
        name = "dailypapers",
        mixinStandardHelpOptions = true,
        version = "dailypapers 0.1.0",
        description = "Self-hosted research-paper platform: daily feed, hybrid search, feeds and digests.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            StatsCommand.class,
            BenchCommand.class,
            HarvestCommand.class,
            CurationCommand.class,
            DigestCommand.class,
            UserCommand.class,
            TokenCommand.class,
            ReindexCommand.class,
            EvalCommand.class
        })
class RootCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
