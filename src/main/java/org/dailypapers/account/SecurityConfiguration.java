package org.dailypapers.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import org.dailypapers.shared.DailyPapersProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The site's web security. Two chains:
 *
 * <ul>
 *   <li>{@code /api/**}: stateless. Reading is public; writing needs {@code Authorization: Bearer <token>}. No session
 *       or remember-me cookie is ever consulted there, which is why the API needs no CSRF token: a forged cross-site
 *       request carries cookies but cannot carry the bearer header.
 *   <li>everything else: form log-in with sessions and remember-me; every state-changing request (forms and htmx)
 *       must carry the CSRF token, htmx sends it as the {@code X-CSRF-TOKEN} header (see {@code /static/csrf.js}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /** No inline script anywhere: scripts come from our own origin only, so injected markup cannot run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static final String REMEMBER_ME_COOKIE = "remember-me";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http, AccountService accounts, DailyPapersProperties properties) throws Exception {
        boolean https = isHttps(properties);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/api/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // Stateless bearer authentication: no cookie authenticates an API request, so CSRF cannot apply.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::apiUnauthorized)
                        .accessDeniedHandler((req, res, ex) ->
                                writeJson(res, HttpServletResponse.SC_FORBIDDEN, "Forbidden: " + ex.getMessage())))
                .headers(h -> headers(h, https));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurityFilterChain(
            HttpSecurity http,
            AccountService accounts,
            PersistentTokenRepository rememberMeTokens,
            RateLimiter rateLimiter,
            DailyPapersProperties properties)
            throws Exception {
        boolean https = isHttps(properties);
        http.rememberMe(remember -> {
            if (https) {
                // behind an https base URL the cookie is Secure even where TLS ends at a proxy; otherwise it is
                // Secure when the request is
                remember.useSecureCookie(true);
            }
        });
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/profile", "/profile/**", "/submit")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/signup", "/login")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        // one message for unknown address and wrong password: no user enumeration
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/")
                        .deleteCookies("JSESSIONID", REMEMBER_ME_COOKIE))
                .rememberMe(remember -> remember.tokenRepository(rememberMeTokens)
                        .userDetailsService(accounts)
                        .rememberMeParameter("remember-me")
                        .rememberMeCookieName(REMEMBER_ME_COOKIE)
                        .tokenValiditySeconds(30 * 24 * 3600))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new MalformedCsrfTokens()))
                .addFilterBefore(new LoginRateLimitFilter(rateLimiter), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new WebEntryPoint())
                        .accessDeniedHandler(SecurityConfiguration::webAccessDenied))
                .headers(h -> headers(h, https));
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers, boolean https) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> {
                    if (https) {
                        // The public address is https: TLS usually ends at a proxy, so the request this server sees
                        // is plain http (unless the proxy is trusted, server.forward-headers-strategy=native); the
                        // header is sent on every answer, browsers heed it only over https.
                        hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                                .includeSubDomains(false);
                    } else {
                        hsts.disable();
                    }
                });
    }

    /** One year, as browsers' preload lists ask for. */
    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;

    static boolean isHttps(DailyPapersProperties properties) {
        return properties.baseUrl().strip().regionMatches(true, 0, "https://", 0, 8);
    }

    /** The session cookie is Secure when the public address is https, whatever scheme the proxy forwards. */
    @Bean
    ServletContextInitializer secureSessionCookie(DailyPapersProperties properties) {
        return servletContext -> {
            if (isHttps(properties)) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }

    /**
     * Sessions in the database (Spring Session) write their cookie themselves, not through the servlet container:
     * the same rule for them.
     */
    @Bean
    org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer secureSpringSessionCookie(
            DailyPapersProperties properties) {
        return serializer -> {
            if (isHttps(properties)) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    /** Remember-me logins survive restarts and can be revoked per device: stored server-side, not signed cookies. */
    @Bean
    PersistentTokenRepository rememberMeTokenRepository(DataSource dataSource) {
        JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
        repository.setDataSource(dataSource);
        return repository;
    }

    /** The session cookie gets SameSite from {@code server.servlet.session.cookie.same-site}; this covers the rest. */
    @Bean
    CookieSameSiteSupplier rememberMeSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName(REMEMBER_ME_COOKIE);
    }

    private static void apiUnauthorized(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        writeJson(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "Authentication required: send 'Authorization: Bearer <token>' with an API token from your profile"
                        + " page");
    }

    private static void webAccessDenied(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e)
            throws IOException {
        String message = e instanceof CsrfException
                ? "The form has expired or did not come from this site (missing or wrong CSRF token). Reload the page"
                        + " and try again."
                : "You are not allowed to do this.";
        // the site's error page, through the error controller (one format, one WARN line, no stack trace)
        response.sendError(HttpServletResponse.SC_FORBIDDEN, message);
    }

    static void writeJson(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":" + jsonString(message) + "}");
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Pages redirect to the log-in page; htmx requests get 401 with {@code HX-Redirect} so htmx navigates. */
    private static final class WebEntryPoint implements AuthenticationEntryPoint {
        private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException, jakarta.servlet.ServletException {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", "/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            login.commence(request, response, e);
        }
    }
}
