package io.directline.identity.security;

import io.directline.identity.signin.LoginThrottle;
import io.directline.identity.signin.LoginThrottledException;
import io.directline.identity.signin.SignInLimitProperties;
import io.directline.identity.signin.ThrottledAuthenticationProvider;
import io.directline.identity.token.ApiTokenAuthenticationFilter;
import io.directline.identity.token.ApiTokens;
import io.directline.identity.user.UserAccount;
import io.directline.identity.user.UserRepository;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four filter chains: webhooks ({@code /webhooks/**}) authenticate each request by its signature, which
 * the receiving controller checks, so they need no login, no session and no CSRF token; the API
 * ({@code /api/**} and the actuator) is stateless and takes HTTP Basic or a personal API token; the API's
 * documentation takes those or the screens' session; the screens use form sign-in with a session and CSRF
 * protection. Every answer forbids framing and referrers to other sites; pages run only the scripts and styles we serve.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = {"AGENT", "SUPERVISOR", "EXECUTIVE", "ADMIN"};

    /** Those who watch service levels and the figures: supervisors, executives, admins; not agents. */
    /** Who may merge owners (and undo a merge, dismiss a suggestion): those who work cases, not the executives. */
    private static final String[] MERGERS = {"AGENT", "SUPERVISOR", "ADMIN"};

    private static final String[] MANAGERS = {"SUPERVISOR", "EXECUTIVE", "ADMIN"};
    /** Who keeps the journey's orders (upserts, moved estimates, imports): supervisors and admins; staff read. */
    private static final String[] ORDER_KEEPERS = {"SUPERVISOR", "ADMIN"};
    /** Who writes manual entries in an owner's experience ledger: supervisors and admins; staff read. */
    private static final String[] LEDGER_KEEPERS = {"SUPERVISOR", "ADMIN"};

    /** Executives and their office staff (who hold the EXECUTIVE role too), and admins. */
    private static final String[] EXECUTIVE_OFFICE = {"EXECUTIVE", "ADMIN"};

    /** Pages: our own scripts, styles and images only (no inline script or style), never in a frame. */
    private static final String SCREEN_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /**
     * Swagger UI's bundle applies inline styles, which it cannot work without; its page may have them. Inline
     * styles run no code: scripts stay our own.
     */
    private static final String SWAGGER_POLICY =
            SCREEN_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    /** JSON answers load nothing. */
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider authenticationProvider(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            SignInLimitProperties properties) {
        UserDetailsService details = username -> users.findByUsername(username)
                .map(UserAccount::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        var dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(
                dao, throttle, properties.slowDown(), ThrottledAuthenticationProvider::sleep);
    }

    @Bean
    ProblemAuthenticationEntryPoint problemEntryPoint(JsonMapper json) {
        return new ProblemAuthenticationEntryPoint(json);
    }

    /** Provider webhooks authenticate by their signature, which each webhook checks itself. */
    @Bean
    @Order(0)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> headers(h, API_POLICY));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ProblemAuthenticationEntryPoint problems)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/owner-sign-in/codes", "/api/v1/owner-sign-in/tokens")
                        .permitAll()
                        // a survey answer carries the token of the link only its owner received
                        .requestMatchers(HttpMethod.POST, "/api/v1/survey-answers")
                        .permitAll()
                        .requestMatchers("/api/v1/users/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/me/notifications", "/api/v1/me/notifications/**")
                        .hasAnyRole(STAFF)
                        .requestMatchers("/api/v1/me/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/sla-policies/**")
                        .hasAnyRole(MANAGERS)
                        .requestMatchers("/api/v1/sla-policies/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/tokens/**")
                        .authenticated()
                        .requestMatchers("/api/v1/reports/**")
                        .hasAnyRole(MANAGERS)
                        .requestMatchers("/api/v1/executive-escalations", "/api/v1/executive-escalations/**")
                        .hasAnyRole(EXECUTIVE_OFFICE)
                        .requestMatchers("/api/v1/broadcasts", "/api/v1/broadcasts/**")
                        .hasAnyRole(MANAGERS)
                        .requestMatchers("/api/v1/notes", "/api/v1/notes/**")
                        .hasAnyRole(EXECUTIVE_OFFICE)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/customers/*/merge",
                                "/api/v1/customers/*/merges/**",
                                "/api/v1/customers/*/merge-suggestions/**")
                        .hasAnyRole(MERGERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/experience/**")
                        .hasAnyRole(LEDGER_KEEPERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/playbooks", "/api/v1/playbooks/**")
                        .hasAnyRole(MANAGERS)
                        .requestMatchers("/api/v1/playbooks", "/api/v1/playbooks/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/goodwill/*/approve", "/api/v1/goodwill/*/refuse")
                        .hasAnyRole(LEDGER_KEEPERS)
                        // staff book visits at any center; only admins add or change a center
                        .requestMatchers(HttpMethod.POST, "/api/v1/service-centers/*/appointments")
                        .hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/service-centers")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/service-centers/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/orders/imports/**")
                        .hasAnyRole(ORDER_KEEPERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/orders/**")
                        .hasAnyRole(STAFF)
                        .requestMatchers("/api/v1/orders", "/api/v1/orders/**")
                        .hasAnyRole(ORDER_KEEPERS)
                        .requestMatchers("/api/v1/**")
                        .hasAnyRole(STAFF)
                        .anyRequest()
                        .denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> headers(h, API_POLICY));
        return http.build();
    }

    /**
     * The OpenAPI document, for staff signed in on the screens (Swagger UI fetches it with the session) or
     * calling with HTTP Basic or a token (tooling); for anyone with {@code directline.api-docs.public=true}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsChain(
            HttpSecurity http, ApiTokens tokens, ProblemAuthenticationEntryPoint problems, ApiDocsProperties docs)
            throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> {
                    if (docs.open()) {
                        a.anyRequest().permitAll();
                    } else {
                        a.anyRequest().hasAnyRole(STAFF);
                    }
                })
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> headers(h, API_POLICY));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain screenChain(HttpSecurity http, ApiDocsProperties docs) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/login/owner",
                                "/login/owner/**",
                                "/survey/*",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error")
                        .permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**")
                        .access(docs.open() ? SingleResultAuthorizationManager.permitAll() : staff())
                        .requestMatchers(HttpMethod.GET, "/")
                        .authenticated()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/portal", "/portal/**")
                        .hasRole("OWNER")
                        .requestMatchers("/supervisor", "/supervisor/**")
                        .hasAnyRole(MANAGERS)
                        .requestMatchers("/executive", "/executive/**")
                        .hasAnyRole(EXECUTIVE_OFFICE)
                        .requestMatchers(
                                "/inbox",
                                "/inbox/**",
                                "/cases/**",
                                "/customers/**",
                                "/find",
                                "/notifications",
                                "/notifications/**")
                        .hasAnyRole(STAFF)
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, exception) -> {
                            String target = exception instanceof LoginThrottledException throttled
                                    ? "/login?throttled="
                                            + Math.max(1, throttled.retryAfter().toSeconds())
                                    : "/login?error";
                            response.setStatus(HttpServletResponse.SC_FOUND);
                            response.sendRedirect(request.getContextPath() + target);
                        })
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // A part of a page that htmx reloads (the inbox rows) must not turn into the sign-in page
                // when the session has ended: tell htmx to reload the whole page, which then signs in.
                .exceptionHandling(e -> e.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                        .addEntryPointFor(
                                (request, response, exception) -> {
                                    response.setHeader("HX-Refresh", "true");
                                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                                },
                                new RequestHeaderRequestMatcher("HX-Request", "true"))
                        .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .build()))
                .headers(h -> {
                    var swagger = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
                    headers(h, null)
                            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                    swagger, new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)))
                            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                    new NegatedRequestMatcher(swagger),
                                    new ContentSecurityPolicyHeaderWriter(SCREEN_POLICY)));
                });
        return http.build();
    }

    /**
     * Frames refused; referrers only within the site (a refused form goes back to the page in its Referer, but no
     * case address leaks to a site a message links to); the Content-Security-Policy {@code policy}, unless the
     * caller adds its own.
     */
    private static HeadersConfigurer<HttpSecurity> headers(HeadersConfigurer<HttpSecurity> headers, String policy) {
        if (policy != null) {
            headers.contentSecurityPolicy(c -> c.policyDirectives(policy));
        }
        headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
        headers.frameOptions(f -> f.deny());
        return headers;
    }

    private static AuthorizationManager<RequestAuthorizationContext> staff() {
        return AuthorityAuthorizationManager.hasAnyRole(STAFF);
    }
}
