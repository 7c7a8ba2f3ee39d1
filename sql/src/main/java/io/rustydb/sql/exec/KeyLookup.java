package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.sql.catalog.TableDef;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Recognizes a WHERE clause that pins every primary-key column to a constant or parameter
 * ({@code id = 5 AND ...}), so UPDATE and DELETE read one row instead of scanning the table.
 * The full condition is still evaluated on the row.
 */
final class KeyLookup {
    private final TableDef table;
    /** Per primary-key column: a constant, or a {@link WhereTerms.ParamRef}. */
    private final Object[] sources;

    private KeyLookup(TableDef table, Object[] sources) {
        this.table = table;
        this.sources = sources;
    }

    /** The lookup for {@code where}, or null if it does not pin the whole primary key. */
    static KeyLookup of(SqlNode where, TableDef table, String alias) {
        if (where == null || !table.hasPrimaryKey()) {
            return null;
        }
        Object[] sources = new Object[table.primaryKey().size()];
        boolean[] found = new boolean[sources.length];
        for (SqlNode c : WhereTerms.conjuncts(where)) {
            if (c.getKind() != SqlKind.EQUALS) {
                continue;
            }
            SqlCall eq = (SqlCall) c;
            for (int side = 0; side < 2; side++) {
                int keyPos = keyPosition(eq.operand(side), table, alias);
                Object source = WhereTerms.source(eq.operand(1 - side));
                if (keyPos >= 0 && source != null) {
                    sources[keyPos] = source;
                    found[keyPos] = true;
                }
            }
        }
        for (boolean f : found) {
            if (!f) {
                return null;
            }
        }
        return new KeyLookup(table, sources);
    }

    /** The storage key for these parameter values (values converted to the key column types). */
    byte[] key(List<Object> parameters) {
        Object[] values = new Object[sources.length];
        List<DataType> types = table.keyTypes();
        for (int i = 0; i < values.length; i++) {
            Object raw = WhereTerms.value(sources[i], parameters);
            values[i] = ValueConverter.convert(raw, table.columns().get(table.primaryKey().get(i)).type());
        }
        return KeyCodec.encodeKey(table.id(), types, values);
    }

    private static int keyPosition(SqlNode node, TableDef table, String alias) {
        int column = WhereTerms.column(node, table, alias);
        return column < 0 ? -1 : table.primaryKey().indexOf(column);
    }
}
