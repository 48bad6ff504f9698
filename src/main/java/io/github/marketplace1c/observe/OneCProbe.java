package io.github.marketplace1c.observe;

import io.github.marketplace1c.onec.ODataClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Is 1C reachable: the smallest read ({@link ODataClient#ping()}) with a short timeout, remembered for a few
 * seconds so that a scrape and a readiness probe together ask 1C once.
 */
final class OneCProbe {

    record Result(boolean up, String message) {
    }

    private final ODataClient odata;
    private final Duration timeout;
    private final Duration remembered;
    private final ExecutorService pings = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "onec-ping");
        thread.setDaemon(true);
        return thread;
    });
    private Result last;
    private long lastAt;

    OneCProbe(ODataClient odata, Duration timeout, Duration remembered) {
        this.odata = odata;
        this.timeout = timeout;
        this.remembered = remembered;
    }

    synchronized Result check() {
        long now = System.nanoTime();
        if (last != null && now - lastAt < remembered.toNanos()) {
            return last;
        }
        last = ping();
        lastAt = System.nanoTime();
        return last;
    }

    private Result ping() {
        try {
            CompletableFuture.runAsync(odata::ping, pings).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(true, "1C answers");
        } catch (TimeoutException e) {
            return new Result(false, "1C did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted while asking 1C");
        } catch (Exception e) {
            // the client's own messages name the call and 1C's answer, never the credentials
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Result(false, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }

    void close() {
        pings.shutdownNow();
    }
}
