package io.rustydb.sql.parser.impl;

import java.io.Reader;
import java.io.StringReader;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.util.SourceStringReader;

/**
 * A parser factory that gives each thread one generated parser and re-initializes it for every
 * statement, instead of building a new one (whose construction, a token manager, character
 * buffers and lookahead tables, costs as much as parsing a short statement). A thread that asks
 * again while its parser is in use, or after a parse failed half-way, gets a fresh one.
 */
public final class ReusableParsers implements SqlParserImplFactory {
    /** The factory to configure Calcite's {@code SqlParser} with. */
    public static final ReusableParsers FACTORY = new ReusableParsers();

    private static final ThreadLocal<Reusable> PARSERS = new ThreadLocal<>();

    private ReusableParsers() {
    }

    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
        Reusable parser = PARSERS.get();
        if (parser == null || parser.inUse) {
            parser = new Reusable();
            PARSERS.set(parser);
        }
        parser.reset(reader);
        return parser;
    }

    /**
     * Ends the current thread's use of its parser: after a successful parse it is kept for the
     * next statement, after a failure it is dropped (a parse that stopped half-way may leave state).
     */
    public static void release(boolean succeeded) {
        Reusable parser = PARSERS.get();
        if (parser == null) {
            return;
        }
        if (succeeded) {
            parser.inUse = false;
        } else {
            PARSERS.remove();
        }
    }

    /** The generated parser with the per-statement state of Calcite's base class reset. */
    private static final class Reusable extends RustyDbSqlParserImpl {
        private boolean inUse;

        Reusable() {
            super(new StringReader(""));
        }

        void reset(Reader reader) {
            inUse = true;
            ReInit(reader);
            nDynamicParams = 0;
            warnings.clear();
            setOriginalSql(reader instanceof SourceStringReader source ? source.getSourceString() : null);
        }
    }
}
