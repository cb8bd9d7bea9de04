package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExportCommandTest {

    @Test
    void shouldTakeBibtexAndRisAsFormatsAndRefuseOthers() {
        for (String format : new String[] {"bibtex", "ris", "BibTeX", "dailypapers"}) {
            CommandLine cli = CliLauncher.newCommandLine();
            CommandLine.ParseResult parsed = cli.parseArgs("export", "--format", format, "out.file");
            ExportCommand export =
                    (ExportCommand) parsed.subcommand().commandSpec().userObject();
            assertThat(export.format.name()).isEqualToIgnoringCase(format);
        }
        CommandLine cli = CliLauncher.newCommandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("export", "--format", "endnote", "out.file")).isEqualTo(2);
        assertThat(err.toString()).contains("--format").contains("bibtex").contains("ris");
    }
}
