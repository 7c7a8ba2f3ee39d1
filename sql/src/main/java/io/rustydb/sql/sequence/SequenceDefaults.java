package io.rustydb.sql.sequence;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which columns of a table take their default from a sequence: identity columns (their owned
 * sequence), {@code DEFAULT nextval('s')} as SERIAL writes it (drawn directly), and any other
 * default that calls a sequence function (evaluated per row). Also enforces GENERATED ALWAYS.
 */
public final class SequenceDefaults {
    private static final Pattern NEXTVAL = Pattern.compile(
            "(?i)\\s*(?:\"?(?:pg_catalog|public)\"?\\.)?\"?nextval\"?\\s*\\(\\s*'((?:[^']|'')*)'(?:\\s*::\\s*regclass)?\\s*\\)\\s*");
    private static final Pattern SEQUENCE_CALL = Pattern.compile("(?i)\\b(nextval|setval|currval|lastval)\"?\\s*\\(");

    private final TableDef table;
    /** Per column: the identity or nextval sequence name drawn directly, or null. */
    private final String[] names;
    private final SequenceDef[] identities;
    private final boolean[] perRow;
    private final boolean any;

    private SequenceDefaults(TableDef table, String[] names, SequenceDef[] identities, boolean[] perRow) {
        this.table = table;
        this.names = names;
        this.identities = identities;
        this.perRow = perRow;
        boolean found = false;
        for (boolean b : perRow) {
            found |= b;
        }
        this.any = found;
    }

    public static SequenceDefaults of(Catalog catalog, TableDef table) {
        int n = table.columns().size();
        String[] names = new String[n];
        SequenceDef[] identities = new SequenceDef[n];
        boolean[] perRow = new boolean[n];
        for (int i = 0; i < n; i++) {
            ColumnDef c = table.columns().get(i);
            SequenceDef owned = catalog.sequences().ownedBy(table, c.name()).orElse(null);
            if (owned != null && owned.identity() != null) {
                identities[i] = owned;
                perRow[i] = true;
            } else if (c.defaultExpression() != null) {
                Matcher m = NEXTVAL.matcher(c.defaultExpression());
                if (m.matches()) {
                    names[i] = m.group(1).replace("''", "'");
                    perRow[i] = true;
                } else if (SEQUENCE_CALL.matcher(c.defaultExpression()).find()) {
                    perRow[i] = true;
                }
            }
        }
        return new SequenceDefaults(table, names, identities, perRow);
    }

    /** A default expression as the planner compiles it (PostgreSQL's {@code ::regclass} dropped). */
    public static String compilable(String expression) {
        return expression.replaceAll("(?i)'\\s*::\\s*regclass", "'");
    }

    /** The default of a SERIAL column: {@code nextval('<sequence>'::regclass)}, as PostgreSQL shows it. */
    public static String nextvalDefault(String sequenceName) {
        String quoted = sequenceName.equals(sequenceName.toLowerCase(Locale.ROOT))
                && sequenceName.matches("[a-z_][a-z0-9_$]*") ? sequenceName : "\"" + sequenceName.replace("\"", "\"\"") + "\"";
        return "nextval('" + quoted.replace("'", "''") + "'::regclass)";
    }

    public boolean any() {
        return any;
    }

    /** Whether column {@code i}'s default is computed per row. */
    public boolean perRow(int i) {
        return perRow[i];
    }

    /** Whether column {@code i} is an identity column. */
    public boolean identity(int i) {
        return identities[i] != null;
    }

    /** 428C9 if UPDATE sets column {@code i}, a GENERATED ALWAYS identity column, to a value. */
    public void checkUpdate(int i) {
        if (identities[i] != null && SequenceDef.ALWAYS.equals(identities[i].identity())) {
            throw new RustyDbException(ErrorCode.GENERATED_ALWAYS, "column \"" + table.columns().get(i).name()
                    + "\" can only be updated to DEFAULT")
                    .withDetail("Column \"" + table.columns().get(i).name()
                            + "\" is an identity column defined as GENERATED ALWAYS.");
        }
    }

    /** Whether column {@code i} draws straight from a sequence (identity or a plain nextval default). */
    public boolean simple(int i) {
        return identities[i] != null || names[i] != null;
    }

    /** The next value for column {@code i} (a {@link #simple} one). */
    public long next(SessionSequences session, int i) {
        return identities[i] != null ? session.nextval(identities[i]) : session.nextval(names[i]);
    }

    /** 428C9 if a GENERATED ALWAYS identity column got a value other than DEFAULT ({@code marker}). */
    public void checkAlways(Object[] row, Object marker, boolean overriding) {
        if (overriding) {
            return;
        }
        for (int i = 0; i < identities.length; i++) {
            if (identities[i] != null && SequenceDef.ALWAYS.equals(identities[i].identity()) && row[i] != marker) {
                String column = table.columns().get(i).name();
                throw new RustyDbException(ErrorCode.GENERATED_ALWAYS,
                        "cannot insert a non-DEFAULT value into column \"" + column + "\"")
                        .withDetail("Column \"" + column + "\" is an identity column defined as GENERATED ALWAYS.")
                        .withHint("Use OVERRIDING SYSTEM VALUE to override.");
            }
        }
    }
}
