package org.dailypapers.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailypapers.shared.Ids;
import org.dailypapers.shared.SafeText;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The account module's entry point: users, passwords and API tokens. */
@Service
public class AccountService implements UserDetailsService, UserDetailsPasswordService {

    /** BCrypt looks at no more than 72 bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final String TOKEN_PREFIX = "dp_";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,28}[a-z0-9])");
    private static final Duration TOKEN_USE_GRANULARITY = Duration.ofMinutes(1);

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final SecureRandom random = new SecureRandom();

    private final Ids ids;
    private final SignUpNotices notices;

    AccountService(AccountRepository repository, PasswordEncoder passwordEncoder, Ids ids, SignUpNotices notices) {
        this.repository = repository;
        this.ids = ids;
        this.notices = notices;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Registers a user who chose a handle and a password on the sign-up page. Empty when the address has an account
     * already: its owner is told by mail, and the caller answers as for a new account.
     */
    public Optional<Account> signUp(String email, String handle, String displayName, String password) {
        String normalEmail = normalEmail(email);
        String normalHandle = handle.trim().toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(normalHandle).matches()) {
            throw new AccountException(
                    "handle", "Choose a user name of 3 to 30 letters, digits or dashes (no dash at either end).");
        }
        checkPassword(password);
        String name = displayName.isBlank()
                ? normalHandle
                : SafeText.clean(displayName).strip();
        if (name.length() > 100) {
            throw new AccountException("displayName", "The display name may have at most 100 characters.");
        }
        if (repository.handleExists(normalHandle)) {
            throw new AccountException("handle", "The user name '" + normalHandle + "' is taken; choose another.");
        }
        if (repository.emailExists(normalEmail)) {
            return existingAddress(normalEmail, password);
        }
        try {
            return Optional.of(insert(normalEmail, normalHandle, name, password, false));
        } catch (AccountException e) {
            // a concurrent sign-up took the address or the handle between the check and the insert
            if (repository.handleExists(normalHandle)) {
                throw new AccountException("handle", "The user name '" + normalHandle + "' is taken; choose another.");
            }
            return existingAddress(normalEmail, password);
        }
    }

    /**
     * A sign-up for an address that has an account answers exactly like a new one, so that sign-up cannot tell a
     * stranger who is registered: the password is hashed all the same (the same time spent) and the owner gets a
     * mail that says so.
     */
    private Optional<Account> existingAddress(String normalEmail, String password) {
        passwordEncoder.encode(password);
        notices.signUpForExistingAccount(normalEmail);
        return Optional.empty();
    }

    /** Creates a user from the command line; the handle comes from the address's local part. */
    public Account createUser(String email, String password, boolean admin) {
        String normalEmail = normalEmail(email);
        checkPassword(password);
        if (repository.emailExists(normalEmail)) {
            throw new AccountException("email", "A user with the email address " + normalEmail + " exists.");
        }
        String handle = freeHandle(normalEmail.substring(0, normalEmail.indexOf('@')));
        return insert(normalEmail, handle, handle, password, admin);
    }

    private Account insert(String email, String handle, String name, String password, boolean admin) {
        Account account = new Account(ids.next(), email, handle, name, admin, Instant.now());
        try {
            repository.insertUser(account, passwordEncoder.encode(password));
        } catch (DuplicateKeyException e) {
            // a concurrent sign-up took the address or handle between the check and the insert
            throw new AccountException("email", "An account with this email address or user name exists.");
        }
        return account;
    }

    private String freeHandle(String localPart) {
        String base = localPart.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        base = base.replaceAll("^-+|-+$", "");
        if (base.length() < 3) {
            base = (base + "-user").replaceAll("^-+", "");
        }
        if (base.length() > 24) {
            base = base.substring(0, 24).replaceAll("-+$", "");
        }
        String candidate = base;
        for (int i = 2; repository.handleExists(candidate); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    public void changePassword(long userId, String password) {
        checkPassword(password);
        repository.updatePassword(userId, passwordEncoder.encode(password));
    }

    public void setAdmin(long userId, boolean admin) {
        repository.setAdmin(userId, admin);
    }

    public Optional<Account> findByEmail(String email) {
        return repository.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(AccountRepository.StoredUser::account);
    }

    public Optional<Account> findByHandle(String handle) {
        return repository.findByHandle(handle.toLowerCase(Locale.ROOT)).map(AccountRepository.StoredUser::account);
    }

    public Optional<Account> findById(long id) {
        return repository.findById(id).map(AccountRepository.StoredUser::account);
    }

    public Map<Long, Account> findByIds(Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    public long countUsers() {
        return repository.countUsers();
    }

    /** Creates an API token; the returned text is the only copy, only its SHA-256 is stored. */
    public IssuedToken createToken(long userId, String name) {
        String label = name.isBlank() ? "token" : name.strip();
        if (label.length() > 100) {
            throw new AccountException("name", "A token name may have at most 100 characters.");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken info = new ApiToken(ids.next(), label, token.substring(0, 8), Instant.now(), null);
        repository.insertToken(userId, info, sha256(token));
        return new IssuedToken(info, token);
    }

    public List<ApiToken> tokens(long userId) {
        return repository.tokens(userId);
    }

    public boolean revokeToken(long userId, long tokenId) {
        return repository.deleteToken(userId, tokenId);
    }

    /** The user a bearer token belongs to, when the token exists. */
    public Optional<AccountPrincipal> authenticateToken(String token) {
        if (!token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return repository.findTokenOwner(sha256(token)).flatMap(owner -> {
            Instant now = Instant.now();
            Instant last = org.dailypapers.shared.Timestamps.parseNullable(owner.lastUsedAt());
            // one write a minute at most: every API call writing would serialise readers behind SQLite's writer
            if (last == null || last.plus(TOKEN_USE_GRANULARITY).isBefore(now)) {
                repository.markTokenUsed(owner.tokenId(), now);
            }
            return repository.findById(owner.userId()).map(u -> u.account().principal());
        });
    }

    @Override
    public AccountPrincipal loadUserByUsername(String username) throws UsernameNotFoundException {
        return repository
                .findByEmail(username.trim().toLowerCase(Locale.ROOT))
                .map(u -> new AccountPrincipal(
                        u.account().id(),
                        u.account().email(),
                        u.account().handle(),
                        u.account().displayName(),
                        u.account().admin(),
                        u.passwordHash()))
                // the message never reaches the user: log-in failures all read alike (no user enumeration)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Called by Spring Security after a successful log-in whose hash uses an outdated encoding. */
    @Override
    public UserDetails updatePassword(UserDetails user, @Nullable String newPassword) {
        if (newPassword == null || !(user instanceof AccountPrincipal p)) {
            return user;
        }
        repository.updatePassword(p.id(), newPassword);
        return new AccountPrincipal(p.id(), p.email(), p.handle(), p.displayName(), p.admin(), newPassword);
    }

    private static String normalEmail(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
            throw new AccountException("email", "Enter a valid email address.");
        }
        return e;
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException(
                    "password", "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException(
                    "password", "A password may have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8).");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
