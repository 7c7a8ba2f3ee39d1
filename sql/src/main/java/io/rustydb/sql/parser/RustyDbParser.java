package io.rustydb.sql.parser;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.SyntaxErrors.Segment;
import io.rustydb.sql.parser.ddl.SqlCreateView;
import io.rustydb.sql.parser.impl.ReusableParsers;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Entry point to RustyDB's SQL grammar (Calcite's parser extended with PostgreSQL statements, see
 * {@code src/main/codegen}). Parse failures come back as a {@link RustyDbException} with
 * {@link ErrorCode#SYNTAX_ERROR} (or the more precise code of a semantic check) and the 1-based
 * character position PostgreSQL would report.
 */
public final class RustyDbParser {
    /** LENIENT allows what PostgreSQL allows and Calcite's default does not: {@code !=}, {@code %}, OFFSET before LIMIT. */
    private static final SqlConformance CONFORMANCE = SqlConformanceEnum.LENIENT;

    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(ReusableParsers.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(CONFORMANCE);

    private RustyDbParser() {
    }

    /** The parser configuration: PostgreSQL quoting and case folding, RustyDB's grammar. */
    public static SqlParser.Config config() {
        return CONFIG;
    }

    /** The conformance the parser uses; the validator should use the same. */
    public static SqlConformance conformance() {
        return CONFORMANCE;
    }

    /** Parses {@code stmt; stmt; ...}; empty statements are skipped, so blank input gives an empty list. */
    public static List<SqlNode> parseStatements(String sql) {
        return parseStatementsWithText(sql).stream().map(ParsedSql::node).toList();
    }

    /**
     * Parses exactly one statement (a trailing {@code ;} is allowed), as the extended query
     * protocol requires.
     */
    public static SqlNode parseStatement(String sql) {
        List<ParsedSql> statements = parseStatementsWithText(sql);
        if (statements.isEmpty()) {
            throw new RustyDbException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input")
                    .withPosition(TextPositions.position(sql, sql.length()));
        }
        if (statements.size() > 1) {
            throw new RustyDbException(ErrorCode.SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement");
        }
        return statements.get(0).node();
    }

    /**
     * Parses every statement of {@code sql} and returns each with its own text. Nothing is
     * returned unless all statements parse: a syntax error anywhere fails the whole string, as in
     * PostgreSQL's simple query protocol.
     */
    public static List<ParsedSql> parseStatementsWithText(String sql) {
        List<ParsedSql> result = new ArrayList<>();
        for (Segment segment : split(sql)) {
            String text = segment.text(sql);
            result.add(new ParsedSql(parse(sql, segment), text, segment.start(),
                    TextPositions.position(sql, segment.start())));
        }
        return result;
    }

    /** Parses a standalone expression, e.g. a stored column DEFAULT. */
    public static SqlNode parseExpression(String sql) {
        Segment whole = new Segment(0, sql.length(), -1);
        boolean parsed = false;
        try {
            SqlNode node = SqlParser.create(IntervalLiterals.rewrite(sql), CONFIG).parseExpression();
            parsed = true;
            return node;
        } catch (SqlParseException e) {
            throw SyntaxErrors.of(e, sql, whole);
        } finally {
            ReusableParsers.release(parsed);
        }
    }

    private static SqlNode parse(String sql, Segment segment) {
        String text = IntervalLiterals.rewrite(PgCatalogSyntax.rewrite(LimitLiterals.rewrite(segment.text(sql))));
        SqlNode node;
        boolean parsed = false;
        try {
            node = SqlParser.create(text, CONFIG).parseStmt();
            parsed = true;
        } catch (SqlParseException e) {
            throw SyntaxErrors.of(e, sql, segment);
        } catch (CalciteContextException e) {
            throw SyntaxErrors.of(e, sql, segment);
        } finally {
            ReusableParsers.release(parsed);
        }
        try {
            return withSourceText(io.rustydb.sql.pgcatalog.PgCatalogRewriter.rewrite(LimitParams.resolve(node, text)),
                    segment.text(sql));
        } catch (CalciteContextException e) {
            throw SyntaxErrors.of(e, sql, segment);
        }
    }

    /** Gives a CREATE VIEW the text of its query, as the client wrote it. */
    private static SqlNode withSourceText(SqlNode node, String text) {
        if (node instanceof SqlCreateView view) {
            return view.withQueryText(text.substring(TextPositions.start(text, view.queryTextPos()),
                    TextPositions.end(text, view.queryTextPos())));
        }
        return node;
    }

    /** Splits at top-level semicolons; each segment is trimmed and blank ones (or only comments) dropped. */
    private static List<Segment> split(String sql) {
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        boolean hasTokens = false;
        for (SqlLexer.Token token : SqlLexer.tokenizeCode(sql)) {
            if (token.kind() == SqlLexer.Kind.PUNCTUATION && sql.charAt(token.start()) == ';') {
                if (hasTokens) {
                    segments.add(trimmed(sql, start, token.start(), token.start()));
                }
                start = token.end();
                hasTokens = false;
            } else {
                hasTokens = true;
            }
        }
        if (hasTokens) {
            segments.add(trimmed(sql, start, sql.length(), -1));
        }
        return segments;
    }

    private static Segment trimmed(String sql, int start, int end, int terminator) {
        while (start < end && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        return new Segment(start, end, terminator);
    }
}
