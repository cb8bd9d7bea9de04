package org.dailypapers.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dailypapers.digest.DeliveryFailure;
import org.dailypapers.digest.DigestService;
import org.dailypapers.digest.SendReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        description = "Email digests: send what is due, or list mails that failed for good.",
        subcommands = {DigestCommand.Send.class, DigestCommand.Failures.class})
class DigestCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "send",
            mixinStandardHelpOptions = true,
            description = "Compose the digests that are due, add them to the outbox and send them over SMTP"
                    + " (spring.mail.*). A rerun after a crash finishes what the crashed run left.")
    static class Send implements Callable<Integer> {

        @Option(
                names = "--dry-run",
                description = "Write the mails to $DAILYPAPERS_HOME/digest-dry-run (html, txt, eml) instead of"
                        + " sending; changes nothing.")
        boolean dryRun;

        @Option(
                names = "--to",
                paramLabel = "EMAIL",
                description = "Only this subscriber; an address without a subscription gets a one-off trending"
                        + " digest (to check the SMTP set-up).")
        @Nullable
        String to;

        @Override
        public Integer call() {
            try (var context = SpringContexts.startOffline()) {
                SendReport report = context.getBean(DigestService.class).send(dryRun, to);
                if (dryRun) {
                    if (report.nothingNew() > 0) {
                        System.out.println("nothing new for " + report.nothingNew() + " subscriber(s)");
                    }
                    if (report.files().isEmpty()) {
                        System.out.println("nothing to send");
                    } else {
                        System.out.println("dry run: " + report.files().size() / 3 + " mail(s) written to "
                                + report.dryRunFolder());
                        List<Path> files = report.files();
                        files.forEach(f -> System.out.println("  " + f));
                    }
                    return 0;
                }
                System.out.println("planned=" + report.planned());
                System.out.println("nothing_new=" + report.nothingNew());
                System.out.println("sent=" + report.sent());
                System.out.println("retrying=" + report.retrying());
                System.out.println("failed=" + report.failed());
                return report.failed() > 0 ? 1 : 0;
            }
        }
    }

    @Command(
            name = "failures",
            mixinStandardHelpOptions = true,
            description = "List digests that could not be delivered and will not be retried.")
    static class Failures implements Callable<Integer> {

        @Override
        public Integer call() {
            try (var context = SpringContexts.startOffline()) {
                List<DeliveryFailure> failures =
                        context.getBean(DigestService.class).failures();
                if (failures.isEmpty()) {
                    System.out.println("no failed digests");
                }
                for (DeliveryFailure f : failures) {
                    System.out.println(f.failedAt() + "\t" + f.recipient() + "\t" + f.period() + "\tattempts="
                            + f.attempts() + "\t" + f.error());
                }
                return 0;
            }
        }
    }
}
