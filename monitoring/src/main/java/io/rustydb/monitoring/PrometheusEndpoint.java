package io.rustydb.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedicated Prometheus exporter: {@code GET /metrics} on its own port answers the Prometheus
 * text format; any other path is 404 and any other method 405. Served by the JDK's HTTP server on
 * one daemon thread, off the database's threads.
 */
final class PrometheusEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);
    static final String PATH = "/metrics";

    private final HttpServer server;
    private final ExecutorService executor;

    private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} and serves {@code text}.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    static PrometheusEndpoint start(String host, int port, Supplier<String> text) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the Prometheus endpoint to " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rustydb-prometheus");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, text));
        server.start();
        LOG.info("Prometheus metrics on http://{}:{}{}", host, server.getAddress().getPort(), PATH);
        return new PrometheusEndpoint(server, executor);
    }

    private static void handle(HttpExchange exchange, Supplier<String> text) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                reply(exchange, 404, "not found; metrics are at " + PATH + "\n");
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "method not allowed\n");
            } else {
                exchange.getResponseHeaders().set("Content-Type", PrometheusFormat.CONTENT_TYPE);
                byte[] body = text.get().getBytes(StandardCharsets.UTF_8);
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : body.length);
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("serving {} failed", PATH, e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
