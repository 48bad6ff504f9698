package io.github.marketplace1c.admin;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of the admin API ({@code routes/shared/admin-api.camel.yaml}): loopback only unless
 * {@code mp1c.admin.allowRemote=true}, and every {@code /api/*} call must carry {@code Authorization: Bearer <token>}
 * with the token from the environment.
 */
public final class AdminServer {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    static final String ALLOW_REMOTE = "mp1c.admin.allowRemote";

    private AdminServer() {
    }

    public static void install(CamelContext context, String host, int port, String token) {
        boolean allowRemote = context.getPropertiesComponent().resolveProperty(ALLOW_REMOTE)
                .map(v -> Boolean.parseBoolean(v.trim())).orElse(false);
        if (!requireLoopback(host, allowRemote)) {
            LOG.warn("The admin API and console listen on {}:{}, reachable from other machines ({}=true): the token and "
                    + "the data travel unencrypted. Put it behind a reverse proxy with TLS (docs/setup.md, "
                    + "\"Reaching the console from another machine\") and let only that proxy reach this port.",
                    host, port, ALLOW_REMOTE);
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        // the main server: the routes' platform-http endpoints (the API) bind here, not on /observe's own server
        configuration.setServerType(org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter.SERVER_TYPE_SERVER);
        AuthenticationConfig.AuthenticationConfigEntry apiToken = new AuthenticationConfig.AuthenticationConfigEntry() {
            @Override
            public Handler<RoutingContext> createAuthenticationHandler(Vertx vertx) {
                return new TokenCheck(token);
            }
        };
        apiToken.setPath("/api/*");
        AuthenticationConfig authentication = new AuthenticationConfig(new java.util.ArrayList<>(java.util.List.of(apiToken)));
        authentication.setEnabled(true);
        configuration.setAuthenticationConfig(authentication);
        try {
            context.addService(new ServerWithConsole(configuration));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the admin API on " + host + ":" + port, e);
        }
    }

    /**
     * Whether {@code host} is loopback only: every address it resolves to is. A wildcard (0.0.0.0, ::), a LAN
     * address or a name that resolves elsewhere is refused unless {@code allowRemote}; then the answer is false
     * and the caller warns.
     */
    static boolean requireLoopback(String host, boolean allowRemote) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            if (allowRemote) {
                return false;
            }
            throw new IllegalStateException("mp1c.admin.host '" + host + "' does not resolve; keep 127.0.0.1", e);
        }
        boolean loopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (!loopback && !allowRemote) {
            throw new IllegalStateException("mp1c.admin.host '" + host + "' is not loopback ("
                    + Arrays.stream(addresses).map(InetAddress::getHostAddress).toList() + "): the admin API would be "
                    + "reachable from other machines without TLS. Keep 127.0.0.1 and put a reverse proxy with TLS in "
                    + "front (docs/setup.md), or set " + ALLOW_REMOTE + "=true if that proxy runs on another machine");
        }
        return loopback;
    }

    /**
     * The admin server that also serves the web console's static files ({@code src/main/resources/console/}) at
     * {@code /console/}, and sends {@code /} there. The files hold no data: the page asks for the token and calls
     * {@code /api} with it.
     */
    static final class ServerWithConsole extends VertxPlatformHttpServer {

        ServerWithConsole(VertxPlatformHttpServerConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            io.vertx.ext.web.Router router = org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter
                    .lookup(getCamelContext(), org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter
                            .getRouterNameFromPort(getPort()));
            // Vert.x matches "/console" and "/console/" alike: send both "/" and "/console" to "/console/", where
            // the page's relative links resolve
            router.get("/").handler(ctx -> ctx.redirect("/console/"));
            // every API answer (the filter in ResponseHeaders lets no request header through): JSON and CSV are
            // never sniffed as HTML, and answers holding data are not kept by caches or proxies
            router.route("/api/*").order(-1).handler(ctx -> {
                securityHeaders(ctx.response());
                ctx.next();
            });
            router.route("/console/*").handler(ctx -> {
                if ("/console".equals(ctx.request().path())) {
                    ctx.redirect("/console/");
                    return;
                }
                // the console only ever talks to this server; no frames, no inline scripts
                ctx.response().putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'")
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "no-referrer")
                        .putHeader("Cache-Control", "no-cache");
                ctx.next();
            });
            router.route("/console/*").handler(io.vertx.ext.web.handler.StaticHandler.create("console")
                    .setCachingEnabled(false).setDefaultContentEncoding("UTF-8").setIndexPage("index.html"));
        }
    }

    static void securityHeaders(io.vertx.core.http.HttpServerResponse response) {
        response.putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer");
    }

    /** Compares in constant time; answers 401 with a JSON body and never echoes what was sent. */
    static final class TokenCheck implements Handler<RoutingContext> {
        private final byte[] expected;

        TokenCheck(String token) {
            this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void handle(RoutingContext ctx) {
            String given = ctx.request().getHeader("Authorization");
            if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("WWW-Authenticate", "Bearer")
                    .end("{\"error\":\"missing or wrong admin token (Authorization: Bearer <MP1C_ADMIN_TOKEN>)\"}");
        }
    }
}
