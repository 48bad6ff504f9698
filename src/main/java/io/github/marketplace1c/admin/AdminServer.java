package io.github.marketplace1c.admin;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;

/**
 * The HTTP server of the admin API ({@code routes/shared/admin-api.camel.yaml}): loopback by default, and every
 * {@code /api/*} call must carry {@code Authorization: Bearer <token>} with the token from the environment.
 */
public final class AdminServer {

    private AdminServer() {
    }

    public static void install(CamelContext context, String host, int port, String token) {
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
