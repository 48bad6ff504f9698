package io.github.marketplace1c.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

/** What every emulator does the same way: listen on loopback, name its address, trust only loopback callers. */
public final class EmulatorServer {

    private EmulatorServer() {
    }

    /** Listens (port 0 = a free port) and returns once listening. */
    public static HttpServer listen(Vertx vertx, Router router, String host, int port, String name) {
        try {
            return vertx.createHttpServer().requestHandler(router).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " emulator could not listen on " + host + ":" + port, e);
        }
    }

    /** {@code http://host:port}, an IPv6 host in brackets. */
    public static String baseUrl(String host, int port) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Whether the caller is on this machine (the unauthenticated control endpoints answer only them). */
    public static boolean fromLoopback(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
