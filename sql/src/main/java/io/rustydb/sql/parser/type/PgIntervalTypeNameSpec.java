package io.rustydb.sql.parser.type;

import io.rustydb.common.types.Interval;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * PostgreSQL's {@code interval} type name (no field qualifier): Calcite sees the Java type of
 * {@link Interval}, the one representation of interval values in RustyDB. Calcite's grammar
 * reserves {@code INTERVAL} for its qualified literals, so the SQL text names the type
 * {@link #WORD} (see {@code IntervalLiterals}), which parses as a user-defined type name.
 */
public final class PgIntervalTypeNameSpec extends SqlTypeNameSpec {
    /** The identifier {@code interval} is written as when it names the type (as long, so positions keep). */
    public static final String WORD = "pg_intvl";

    public PgIntervalTypeNameSpec(SqlParserPos pos) {
        super(new SqlIdentifier("INTERVAL", pos), pos);
    }

    /** The Calcite type of interval values. */
    public static RelDataType type(org.apache.calcite.rel.type.RelDataTypeFactory factory) {
        return factory.createJavaType(Interval.class);
    }

    /** Whether {@code spec} names the interval type. */
    public static boolean isIntervalSpec(SqlTypeNameSpec spec) {
        return spec instanceof PgIntervalTypeNameSpec || spec instanceof org.apache.calcite.sql.SqlUserDefinedTypeNameSpec
                && spec.getTypeName().isSimple() && spec.getTypeName().getSimple().equalsIgnoreCase(WORD);
    }

    /** Whether {@code type} is the interval type. */
    public static boolean isInterval(RelDataType type) {
        return type instanceof org.apache.calcite.rel.type.RelDataTypeFactoryImpl.JavaType j
                && j.getJavaClass() == Interval.class;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        return type(validator.getTypeFactory());
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("INTERVAL");
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
        return spec instanceof PgIntervalTypeNameSpec || litmus.fail("{} != {}", this, spec);
    }
}
