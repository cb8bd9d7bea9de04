package org.dailypapers.cli;

import java.util.concurrent.Callable;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import org.dailypapers.account.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class})
class TokenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create an API token for a user and print it once (only its hash is stored).")
    static class Create implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "EMAIL", description = "the user's email address")
        String email;

        @Option(
                names = "--name",
                description = "what the token is for (default: ${DEFAULT-VALUE})",
                defaultValue = "cli")
        String name;

        @Override
        public Integer call() {
            try (var context = SpringContexts.startOffline()) {
                AccountService accounts = context.getBean(AccountService.class);
                Account account = accounts.findByEmail(email).orElse(null);
                if (account == null) {
                    System.err.println("error: no user with the email address " + email
                            + " (create one with: dailypapers user create EMAIL)");
                    return 1;
                }
                IssuedToken token = accounts.createToken(account.id(), name);
                System.out.println(token.token());
                return 0;
            }
        }
    }
}
