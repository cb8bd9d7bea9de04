package org.dailypapers.cli;

import java.io.Console;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage user accounts.",
        subcommands = {UserCommand.Create.class})
class UserCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a user. On a terminal it asks for the password twice; without one it generates a password"
                        + " and prints it once.",
                "The first administrator comes from: dailypapers user create --admin EMAIL"
            })
    static class Create implements Callable<Integer> {

        private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

        @Option(names = "--admin", description = "make the user an administrator")
        boolean admin;

        @Parameters(index = "0", paramLabel = "EMAIL", description = "the user's email address (the log-in name)")
        String email;

        @Override
        public Integer call() {
            Console console = System.console();
            String password;
            boolean generated = false;
            if (console != null) {
                char[] first = console.readPassword("Password for %s: ", email);
                char[] second = console.readPassword("Repeat the password: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    System.err.println("error: the passwords differ; nothing was created");
                    return 1;
                }
                password = new String(first);
                Arrays.fill(first, ' ');
                Arrays.fill(second, ' ');
            } else {
                password = generatePassword();
                generated = true;
            }
            try (var context = SpringContexts.startOffline()) {
                Account account = context.getBean(AccountService.class).createUser(email, password, admin);
                System.out.println("created " + (account.admin() ? "administrator " : "user ") + account.email()
                        + " (user name " + account.handle() + ")");
                if (generated) {
                    System.out.println("password: " + password);
                    System.out.println("(shown only now; change it after logging in)");
                }
                return 0;
            }
        }

        static String generatePassword() {
            SecureRandom random = new SecureRandom();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return b.toString();
        }
    }
}
