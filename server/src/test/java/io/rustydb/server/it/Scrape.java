package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of a node's Prometheus endpoint: every series line by its name and labels exactly
 * as rendered, e.g. {@code rustydb_transactions_total{status="committed"}}.
 */
final class Scrape {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String text;
    final Map<String, Double> series;

    private Scrape(String text) {
        this.text = text;
        this.series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    static Scrape of(RustyDbProcess server) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.prometheusPort()
                + "/metrics")).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return new Scrape(response.body());
        } catch (IOException e) {
            throw new AssertionError("cannot scrape " + server + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Scrapes until {@code condition} holds (the node exports once per tick), at most 15 s; a
     * series it reads that is still absent counts as not holding.
     */
    static Scrape until(RustyDbProcess server, String what, Predicate<Scrape> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Scrape last = of(server);
        while (!holds(condition, last)) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; last scrape:\n" + last.text);
            }
            RustyDbProcess.sleep(100);
            last = of(server);
        }
        return last;
    }

    /** A series the condition reads may not exist before the node's first ticks: not yet, then. */
    private static boolean holds(Predicate<Scrape> condition, Scrape scrape) {
        try {
            return condition.test(scrape);
        } catch (AssertionError absent) {
            return false;
        }
    }

    /** The value of a series, failing if it is absent. */
    double get(String series) {
        Double v = this.series.get(series);
        if (v == null) {
            fail("no series " + series + " in:\n" + text);
        }
        return v;
    }

    /** The value of a series, or {@code otherwise} if absent. */
    double get(String series, double otherwise) {
        return this.series.getOrDefault(series, otherwise);
    }

    /** The node's uptime counter, which moves at every tick once a second has passed. */
    double uptime() {
        return get("rustydb_uptime_seconds", 0);
    }
}
