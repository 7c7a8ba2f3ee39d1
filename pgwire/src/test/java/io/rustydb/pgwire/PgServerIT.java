package io.rustydb.pgwire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** A real PgServer on Pekko Streams TCP, a fake session layer, and pgjdbc as the client. */
class PgServerIT {
    private static final int MAX_CONNECTIONS = 3;
    private static SessionRegistry registry;
    private static ActorSystem<Sessions.Command> system;
    private static PgServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        registry = new SessionRegistry(MAX_CONNECTIONS);
        Config config = ConfigFactory.parseString("rustydb.server.listen_port = 0").withFallback(ConfigFactory.load());
        system = ActorSystem.create(FakeSessions.create(registry), "pgwire-it", config);
        server = PgServer.start(system, PgSettings.create(config), system, registry)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        url = "jdbc:postgresql://127.0.0.1:" + server.boundAddress().getPort() + "/shop";
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void allSessionsClosed() {
        await(() -> registry.connectionCount() == 0, "every session slot released");
    }

    private static Connection connect(String... properties) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        for (int i = 0; i < properties.length; i += 2) {
            p.setProperty(properties[i], properties[i + 1]);
        }
        return DriverManager.getConnection(url, p);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void assertItems(ResultSet rs) throws SQLException {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt("id"));
        assertEquals("apple", rs.getString("name"));
        assertEquals(new BigDecimal("1.50"), rs.getBigDecimal("price"));
        assertEquals(LocalDateTime.parse("2024-01-02T03:04:05.5"), rs.getObject("created", LocalDateTime.class));
        assertTrue(rs.getBoolean("active"));
        assertEquals(LocalDate.parse("2024-01-02"), rs.getObject("day", LocalDate.class));
        assertEquals(0.1, rs.getDouble("ratio"));
        assertTrue(rs.next());
        assertEquals("pear", rs.getString(2));
        assertEquals(1e20, rs.getDouble(7));
        assertTrue(rs.next());
        assertNull(rs.getString(2));
        assertNull(rs.getBigDecimal(3));
        assertFalse(rs.next());
    }

    @Test
    void simpleQueryProtocol() throws Exception {
        try (Connection c = connect("preferQueryMode", "simple"); Statement s = c.createStatement()) {
            assertItems(s.executeQuery("SELECT * FROM items"));
            try (ResultSet rs = s.executeQuery("SELECT * FROM items")) {
                assertEquals(java.sql.Types.VARCHAR, rs.getMetaData().getColumnType(2));
                assertEquals(java.sql.Types.NUMERIC, rs.getMetaData().getColumnType(3));
            }
            assertEquals(1, s.executeUpdate("INSERT INTO x VALUES (1)"));
        }
    }

    @Test
    void extendedProtocolWithParametersTextAndBinary() throws Exception {
        try (Connection c = connect("prepareThreshold", "1", "binaryTransferEnable", "1700,1082,1114,16");
                PreparedStatement ps = c.prepareStatement("SELECT * FROM items WHERE id = ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("pear", rs.getString("name"));
                    assertEquals(new BigDecimal("0.99"), rs.getBigDecimal("price"));
                    assertEquals(LocalDateTime.parse("2024-02-29T23:59:59"), rs.getObject("created", LocalDateTime.class));
                    assertEquals(LocalDate.parse("2024-02-29"), rs.getObject("day", LocalDate.class));
                    assertFalse(rs.getBoolean("active"));
                    assertFalse(rs.next());
                }
            }
            try (Statement s = c.createStatement()) {
                assertItems(s.executeQuery("SELECT * FROM items"));
            }
        }
    }

    @Test
    void parametersOfEveryTypeRoundTrip() throws Exception {
        try (Connection c = connect("prepareThreshold", "1", "binaryTransferEnable", "1700,1082,1114,16");
                PreparedStatement ps = c.prepareStatement("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setShort(1, (short) -3);
                ps.setInt(2, 123456);
                ps.setLong(3, 1L << 40);
                ps.setFloat(4, 1.25f);
                ps.setDouble(5, Math.PI);
                ps.setBigDecimal(6, new BigDecimal("-12345.678"));
                ps.setString(7, "naïve");
                ps.setBoolean(8, true);
                ps.setObject(9, LocalDate.parse("1999-12-31"));
                ps.setObject(10, LocalDateTime.parse("2024-06-30T12:34:56.789"));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(-3, rs.getShort(1));
                    assertEquals(123456, rs.getInt(2));
                    assertEquals(1L << 40, rs.getLong(3));
                    assertEquals(1.25f, rs.getFloat(4));
                    assertEquals(Math.PI, rs.getDouble(5));
                    assertEquals(new BigDecimal("-12345.678"), rs.getBigDecimal(6));
                    assertEquals("naïve", rs.getString(7));
                    assertTrue(rs.getBoolean(8));
                    assertEquals(LocalDate.parse("1999-12-31"), rs.getObject(9, LocalDate.class));
                    assertEquals(LocalDateTime.parse("2024-06-30T12:34:56.789"), rs.getObject(10, LocalDateTime.class));
                }
            }
        }
    }

    @Test
    void errorsLeaveTheConnectionUsable() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            PSQLException e = assertThrows(PSQLException.class, () -> s.executeQuery("SYNTAX please"));
            assertEquals("42601", e.getSQLState());
            assertEquals(1, e.getServerErrorMessage().getPosition());
            e = assertThrows(PSQLException.class, () -> s.execute("BOOM"));
            assertEquals("XX000", e.getSQLState());
            try (ResultSet rs = s.executeQuery("SELECT 42")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM items WHERE id = ?")) {
                ps.setString(1, "x");
                assertThrows(PSQLException.class, ps::executeQuery);
            }
        }
    }

    @Test
    void transactionsAndParameterStatus() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThrows(PSQLException.class, () -> s.execute("BOOM"));
            PSQLException e = assertThrows(PSQLException.class, () -> s.executeQuery("SELECT 1"));
            assertEquals("25P02", e.getSQLState());
            c.rollback();
            c.setAutoCommit(true);
            s.execute("SET application_name = 'reporting'");
            assertEquals("reporting", c.getClientInfo("ApplicationName"));
        }
    }

    @Test
    void tooManyConnections() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                held.add(connect());
            }
            PSQLException e = assertThrows(PSQLException.class, PgServerIT::connect);
            assertEquals("53300", e.getSQLState());
            assertTrue(e.getMessage().contains("sorry, too many clients already"), e.getMessage());
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        await(() -> registry.connectionCount() == 0, "slots are free again");
        try (Connection c = connect()) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void sessionOpenFailureIsFatal() {
        Properties p = new Properties();
        p.setProperty("user", "reject");
        PSQLException e = assertThrows(PSQLException.class, () -> DriverManager.getConnection(url, p));
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void cancelRequestStopsTheRunningStatement() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                await(() -> !FakeSessions.OPEN.isEmpty(), "session open");
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            PSQLException e = assertThrows(PSQLException.class, () -> s.execute("SLEEP"));
            assertEquals("57014", e.getSQLState());
            cancel.get(10, TimeUnit.SECONDS);
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void largeResultStreams() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("GENERATE 200000")) {
            int n = 0;
            while (rs.next()) {
                assertEquals(n++, rs.getInt(1));
            }
            assertEquals(200000, n);
        }
    }

    @Test
    void sslRefusedThenPlainStartup() throws Exception {
        try (RawClient raw = new RawClient()) {
            raw.send(Wire.startupCode(FrontendParser.SSL_REQUEST_CODE));
            assertEquals('N', raw.in.readByte());
            raw.send(Wire.startup(Map.of("user", "bob")));
            String types = raw.readUntil('Z');
            assertTrue(types.startsWith("R") && types.endsWith("KZ"), types);
            raw.send(Wire.query("SELECT 5"));
            assertEquals("TDCZ", raw.readUntil('Z'));
            raw.send(Wire.typed('X', new byte[0]));
            assertThrows(EOFException.class, () -> raw.in.readByte());
        }
    }

    @Test
    void newerMinorProtocolIsNegotiated() throws Exception {
        try (RawClient raw = new RawClient()) {
            byte[] startup = Wire.startup(Map.of("user", "bob", "_pq_.foo", "1"));
            startup[6] = 0;
            startup[7] = 2; // protocol 3.2
            raw.send(startup);
            Wire.Message v = raw.read();
            assertEquals('v', v.type());
            assertArrayEquals(Wire.concat(Wire.hex("00000000 00000001"), "_pq_.foo\0".getBytes()), v.body());
            assertTrue(raw.readUntil('Z').endsWith("KZ"));
        }
    }

    @Test
    void protocolTwoIsRefused() throws Exception {
        try (RawClient raw = new RawClient()) {
            raw.send(Wire.startupCode(0x00020000, 0));
            Wire.Message e = raw.read();
            assertEquals('E', e.type());
            Map<Character, String> fields = Wire.fields(e.body());
            assertEquals("FATAL", fields.get('S'));
            assertEquals("0A000", fields.get('C'));
            assertThrows(EOFException.class, () -> raw.in.readByte());
        }
    }

    @Test
    void garbageGetsFatalAndTheServerKeepsServing() throws Exception {
        try (RawClient raw = new RawClient()) {
            raw.send(Wire.startup(Map.of("user", "bob")));
            raw.readUntil('Z');
            raw.send(new byte[] {'Q', 0, 0, 0, 2, 'x', 'y', 'z'});
            Wire.Message e = raw.read();
            Map<Character, String> fields = Wire.fields(e.body());
            assertEquals("FATAL", fields.get('S'));
            assertEquals("08P01", fields.get('C'));
            assertThrows(EOFException.class, () -> raw.in.readByte());
        }
        try (RawClient raw = new RawClient()) {
            raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertEquals("08P01", Wire.fields(raw.read().body()).get('C'));
        }
        try (Connection c = connect()) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void clientDisconnectDuringStartupAndMidQueryReleasesTheSlot() throws Exception {
        try (RawClient raw = new RawClient()) {
            raw.send(Wire.startup(Map.of("user", "bob")));
            raw.readUntil('Z');
            raw.send(Wire.query("GENERATE 500000"));
        }
        try (RawClient raw = new RawClient()) {
            byte[] startup = Wire.startup(Map.of("user", "bob"));
            raw.send(java.util.Arrays.copyOf(startup, 6));
        }
    }

    @Test
    void serverStopTerminatesLiveConnections() throws Exception {
        Config config = ConfigFactory.parseString("rustydb.server.listen_port = 0").withFallback(ConfigFactory.load());
        PgServer second = PgServer.start(system, PgSettings.create(config), system, registry)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (RawClient raw = new RawClient(second.boundAddress().getPort())) {
            raw.send(Wire.startup(Map.of("user", "bob")));
            raw.readUntil('Z');
            raw.send(Wire.query("BEGIN"));
            assertEquals("CZ", raw.readUntil('Z'));
            second.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Wire.Message e = raw.read();
            Map<Character, String> fields = Wire.fields(e.body());
            assertEquals("FATAL", fields.get('S'));
            assertEquals("57P01", fields.get('C'));
            assertEquals("terminating connection due to administrator command", fields.get('M'));
            assertThrows(EOFException.class, () -> raw.in.readByte());
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", second.boundAddress().getPort()).close());
    }

    /** A bare socket speaking the protocol by hand. */
    private static final class RawClient implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        final DataInputStream in;

        RawClient() throws IOException {
            this(server.boundAddress().getPort());
        }

        RawClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        Wire.Message read() throws IOException {
            char type = (char) in.readByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            return new Wire.Message(type, body);
        }

        /** Reads messages up to and including one of the given type; returns their types. */
        String readUntil(char last) throws IOException {
            StringBuilder types = new StringBuilder();
            while (true) {
                Wire.Message m = read();
                types.append(m.type());
                if (m.type() == last) {
                    return types.toString();
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
