package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.Portal;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.SqlSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared statements and portals of one connection's extended query protocol, by name
 * ({@code ""} is the unnamed one, which a new Parse or Bind replaces). Session-thread only.
 */
final class PgStatements {
    private static final Logger LOG = LoggerFactory.getLogger(PgStatements.class);

    /** A portal and the format code of each of its result columns (null: all text). */
    record BoundPortal(Portal portal, short[] resultFormats) {
    }

    private final Map<String, PreparedQuery> statements = new HashMap<>();
    private final Map<String, BoundPortal> portals = new HashMap<>();

    void parse(SqlSession session, FrontendMessage.Parse p) {
        if (p.name().isEmpty()) {
            statements.remove("");
        } else if (statements.containsKey(p.name())) {
            throw new RustyDbException(ErrorCode.DUPLICATE_PREPARED_STATEMENT, p.name());
        }
        PreparedQuery query = session.prepare(p.sql(), PgProtocolHandler.declaredTypes(p.parameterTypes()));
        statements.put(p.name(), query);
    }

    void bind(SqlSession session, FrontendMessage.Bind b) {
        PreparedQuery query = statement(b.statement());
        List<DataType> types = query.parameterTypes();
        byte[][] values = b.values();
        short[] parameterFormats = b.parameterFormats();
        if (parameterFormats.length > 1 && parameterFormats.length != values.length) {
            throw protocolViolation("bind message has " + parameterFormats.length + " parameter formats but "
                    + values.length + " parameters");
        }
        if (values.length != types.size()) {
            throw protocolViolation("bind message supplies " + values.length + " parameters, but prepared statement \""
                    + b.statement() + "\" requires " + types.size());
        }
        if (b.portal().isEmpty()) {
            closePortal("");
        } else if (portals.containsKey(b.portal())) {
            throw new RustyDbException(ErrorCode.DUPLICATE_CURSOR, b.portal());
        }
        List<Object> parameters = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            short format = parameterFormats.length == 0 ? PgTypeCodec.TEXT
                    : parameterFormats[parameterFormats.length == 1 ? 0 : i];
            parameters.add(PgTypeCodec.decodeParameter(types.get(i), format, values[i], i + 1));
        }
        Portal portal = session.bind(query, parameters);
        short[] resultFormats;
        try {
            resultFormats = resultFormats(b.resultFormats(), portal.resultColumns().size());
        } catch (RuntimeException e) {
            closeQuietly(portal);
            throw e;
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("bind portal \"{}\" of statement \"{}\": parameter formats {}, result formats {}", b.portal(),
                    b.statement(), Arrays.toString(parameterFormats), Arrays.toString(resultFormats));
        }
        portals.put(b.portal(), new BoundPortal(portal, resultFormats));
    }

    PreparedQuery statement(String name) {
        PreparedQuery query = statements.get(name);
        if (query == null) {
            throw new RustyDbException(ErrorCode.INVALID_SQL_STATEMENT_NAME, name);
        }
        return query;
    }

    BoundPortal portal(String name) {
        BoundPortal portal = portals.get(name);
        if (portal == null) {
            throw new RustyDbException(ErrorCode.INVALID_CURSOR_NAME, name);
        }
        return portal;
    }

    /** Close 'S' or 'P'; closing something that does not exist is not an error. */
    void close(char kind, String name) {
        if (kind == 'S') {
            statements.remove(name);
        } else {
            closePortal(name);
        }
    }

    /** What a simple query does first: the unnamed statement and portal go away. */
    void dropUnnamed() {
        statements.remove("");
        closePortal("");
    }

    /** Drops every portal, as the end of a transaction does. */
    void closeAllPortals() {
        for (BoundPortal p : portals.values()) {
            closeQuietly(p.portal());
        }
        portals.clear();
    }

    private void closePortal(String name) {
        BoundPortal old = portals.remove(name);
        if (old != null) {
            closeQuietly(old.portal());
        }
    }

    /** Normalizes Bind's result format codes to one per column; null when all are text. */
    static short[] resultFormats(short[] codes, int columns) {
        for (short code : codes) {
            if (code != PgTypeCodec.TEXT && code != PgTypeCodec.BINARY) {
                throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "unsupported format code: " + code);
            }
        }
        if (codes.length == 0 || (codes.length == 1 && codes[0] == PgTypeCodec.TEXT)) {
            return null;
        }
        if (codes.length == 1) {
            short[] all = new short[columns];
            Arrays.fill(all, codes[0]);
            return all;
        }
        if (codes.length != columns) {
            throw protocolViolation("bind message has " + codes.length + " result formats but query has "
                    + columns + " columns");
        }
        return codes;
    }

    static void closeQuietly(Portal portal) {
        try {
            portal.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a portal failed", e);
        }
    }

    private static PgWireException protocolViolation(String message) {
        return PgWireException.error(ErrorCode.PROTOCOL_VIOLATION.sqlState(), message);
    }
}
