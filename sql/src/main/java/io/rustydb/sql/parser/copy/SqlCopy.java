package io.rustydb.sql.parser.copy;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.GenericOption;
import io.rustydb.sql.parser.RustyDbParserUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code COPY table [(col, ...)] FROM STDIN [options]}, {@code COPY table [(col, ...)] TO STDOUT
 * [options]} or {@code COPY (query) TO STDOUT [options]}. Options may be written
 * {@code [WITH] (FORMAT csv, HEADER, ...)} or in the pre-9.0 form {@code [WITH] CSV HEADER
 * DELIMITER ','}; either way they arrive checked and with defaults filled in as
 * {@link CopyOptions}. Files and programs are refused while parsing: data only travels over the
 * connection.
 */
public final class SqlCopy extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY", SqlKind.OTHER);

    private final SqlIdentifier table;
    private final SqlNodeList columnList;
    private SqlNode query;
    private final boolean fromStdin;
    private final CopyOptions options;

    public SqlCopy(SqlParserPos pos, SqlIdentifier table, SqlNodeList columnList, SqlNode query, boolean fromStdin,
            CopyOptions options) {
        super(pos);
        this.table = table;
        this.columnList = columnList == null ? SqlNodeList.EMPTY : columnList;
        this.query = query;
        this.fromStdin = fromStdin;
        this.options = options;
    }

    /**
     * The node for a parsed COPY, after PostgreSQL's checks: distinct column names and
     * consistent options.
     */
    public static SqlCopy create(SqlParserPos pos, SqlIdentifier table, SqlNodeList columnList, SqlNode query,
            boolean fromStdin, List<GenericOption> options) {
        if (columnList != null) {
            Set<String> seen = new HashSet<>();
            for (SqlNode column : columnList) {
                String name = ((SqlIdentifier) column).getSimple();
                if (!seen.add(name)) {
                    throw RustyDbParserUtil.error(column.getParserPosition(),
                            new RustyDbException(ErrorCode.DUPLICATE_COLUMN, name));
                }
            }
        }
        return new SqlCopy(pos, table, columnList, query, fromStdin, CopyOptionsResolver.resolve(options, fromStdin));
    }

    /** A pre-9.0 option word as the option it stands for: {@code CSV} is {@code FORMAT csv}. */
    public static GenericOption legacyOption(String word, SqlNode value, SqlParserPos pos) {
        if (word.equals(CopyOptions.CSV) && value == null) {
            return new GenericOption("format", new SqlIdentifier(CopyOptions.CSV, pos), pos);
        }
        return new GenericOption(word, value, pos);
    }

    /** The table copied from or to, possibly schema-qualified; {@code null} for {@code COPY (query)}. */
    public SqlIdentifier table() {
        return table;
    }

    /** The query of {@code COPY (query) TO STDOUT}, or {@code null} when a table is copied. */
    public SqlNode query() {
        return query;
    }

    /** The columns named after the table; empty means all columns in table order. */
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        for (SqlNode column : columnList) {
            names.add(((SqlIdentifier) column).getSimple());
        }
        return names;
    }

    /** True for {@code FROM STDIN} (data comes from the client), false for {@code TO STDOUT}. */
    public boolean fromStdin() {
        return fromStdin;
    }

    public CopyOptions options() {
        return options;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(table, columnList, query);
    }

    @Override
    public void setOperand(int i, SqlNode operand) {
        if (i != 2) {
            throw new IllegalArgumentException("only the query of COPY can be replaced");
        }
        query = operand;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("COPY");
        if (query != null) {
            // A query-type frame, so that the query does not add parentheses of its own.
            SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "(", ")");
            query.unparse(writer, 0, 0);
            writer.endList(frame);
        } else {
            table.unparse(writer, 0, 0);
            if (columnList.size() > 0) {
                SqlWriter.Frame frame = writer.startList("(", ")");
                for (SqlNode column : columnList) {
                    writer.sep(",");
                    column.unparse(writer, 0, 0);
                }
                writer.endList(frame);
            }
        }
        writer.keyword(fromStdin ? "FROM STDIN" : "TO STDOUT");
        unparseOptions(writer);
    }

    /** The options that differ from the format's defaults, as {@code WITH (...)}. */
    private void unparseOptions(SqlWriter writer) {
        List<Runnable> items = new ArrayList<>();
        CopyOptions defaults = options.csv() ? CopyOptions.csvDefaults() : CopyOptions.defaults();
        if (!options.text()) {
            items.add(() -> writer.keyword("FORMAT " + options.format().toUpperCase(Locale.ROOT)));
        }
        if (options.freeze()) {
            items.add(() -> writer.keyword("FREEZE"));
        }
        if (!options.binary() && !options.delimiter().equals(defaults.delimiter())) {
            items.add(() -> stringOption(writer, "DELIMITER", options.delimiter()));
        }
        if (!options.binary() && !options.nullString().equals(defaults.nullString())) {
            items.add(() -> stringOption(writer, "NULL", options.nullString()));
        }
        if (options.header()) {
            items.add(() -> writer.keyword(options.headerMatch() ? "HEADER MATCH" : "HEADER"));
        }
        if (options.csv() && !options.quote().equals(defaults.quote())) {
            items.add(() -> stringOption(writer, "QUOTE", options.quote()));
        }
        if (options.csv() && !options.escape().equals(options.quote())) {
            items.add(() -> stringOption(writer, "ESCAPE", options.escape()));
        }
        if (options.forceQuoteAll()) {
            items.add(() -> writer.keyword("FORCE_QUOTE *"));
        }
        addColumns(items, writer, "FORCE_QUOTE", options.forceQuote());
        addColumns(items, writer, "FORCE_NOT_NULL", options.forceNotNull());
        addColumns(items, writer, "FORCE_NULL", options.forceNull());
        if (options.encoding() != null) {
            items.add(() -> stringOption(writer, "ENCODING", options.encoding()));
        }
        if (items.isEmpty()) {
            return;
        }
        writer.keyword("WITH");
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (Runnable item : items) {
            writer.sep(",");
            item.run();
        }
        writer.endList(frame);
    }

    private static void stringOption(SqlWriter writer, String name, String value) {
        writer.keyword(name);
        SqlLiteral.createCharString(value, SqlParserPos.ZERO).unparse(writer, 0, 0);
    }

    private static void addColumns(List<Runnable> items, SqlWriter writer, String name, List<String> columns) {
        if (columns.isEmpty()) {
            return;
        }
        items.add(() -> {
            writer.keyword(name);
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (String column : columns) {
                writer.sep(",");
                writer.identifier(column, true);
            }
            writer.endList(frame);
        });
    }
}
