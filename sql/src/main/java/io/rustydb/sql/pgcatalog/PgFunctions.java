package io.rustydb.sql.pgcatalog;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.pgcatalog.CatalogSnapshot.Relation;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.schema.Function;
import org.apache.calcite.sql.type.SqlTypeName;

/** The PostgreSQL catalog functions clients call, over the live catalog. */
public final class PgFunctions {
    private PgFunctions() {
    }

    static Multimap<String, Function> all() {
        ImmutableMultimap.Builder<String, Function> b = ImmutableMultimap.builder();
        b.put("format_type", PgFunction.of("format_type", 2, SqlTypeName.VARCHAR, false));
        b.put("pg_get_userbyid", PgFunction.of("pg_get_userbyid", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_table_is_visible", PgFunction.of("pg_table_is_visible", 1, SqlTypeName.BOOLEAN, false));
        b.put("pg_type_is_visible", PgFunction.of("pg_type_is_visible", 1, SqlTypeName.BOOLEAN, false));
        for (int arity = 2; arity <= 3; arity++) {
            b.put("pg_get_expr", PgFunction.of("pg_get_expr", arity, SqlTypeName.VARCHAR, false));
        }
        b.put("pg_get_indexdef", PgFunction.of("pg_get_indexdef", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_get_indexdef", PgFunction.of("pg_get_indexdef", 3, SqlTypeName.VARCHAR, false));
        b.put("pg_get_constraintdef", PgFunction.of("pg_get_constraintdef", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_get_constraintdef", PgFunction.of("pg_get_constraintdef", 2, SqlTypeName.VARCHAR, false));
        b.put("pg_get_viewdef", PgFunction.of("pg_get_viewdef", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_get_viewdef", PgFunction.of("pg_get_viewdef", 2, SqlTypeName.VARCHAR, false));
        b.put("obj_description", PgFunction.of("obj_description", 1, SqlTypeName.VARCHAR, false));
        b.put("obj_description", PgFunction.of("obj_description", 2, SqlTypeName.VARCHAR, false));
        b.put("col_description", PgFunction.of("col_description", 2, SqlTypeName.VARCHAR, false));
        b.put("shobj_description", PgFunction.of("shobj_description", 2, SqlTypeName.VARCHAR, false));
        b.put("pg_encoding_to_char", PgFunction.of("pg_encoding_to_char", 1, SqlTypeName.VARCHAR, false));
        b.put("array_to_string", PgFunction.of("array_to_string", 2, SqlTypeName.VARCHAR, false));
        b.put("array_cat", PgFunction.of("array_cat", 2, SqlTypeName.VARCHAR, true));
        b.put("current_database", PgFunction.of("current_database", 0, SqlTypeName.VARCHAR, false));
        b.put("current_schemas", PgFunction.of("current_schemas", 1, SqlTypeName.VARCHAR, true));
        b.put("regclass_oid", PgFunction.of("regclass_oid", 1, SqlTypeName.INTEGER, false));
        b.put("regclass_name", PgFunction.of("regclass_name", 1, SqlTypeName.VARCHAR, false));
        b.put("quote_ident", PgFunction.of("quote_ident", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_get_function_result", PgFunction.of("pg_get_function_result", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_get_function_arguments", PgFunction.of("pg_get_function_arguments", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_get_function_identity_arguments",
                PgFunction.of("pg_get_function_identity_arguments", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_get_function_sqlbody", PgFunction.of("pg_get_function_sqlbody", 1, SqlTypeName.VARCHAR, false));
        b.put("pg_function_is_visible", PgFunction.of("pg_function_is_visible", 1, SqlTypeName.BOOLEAN, false));
        b.put("has_database_privilege", PgFunction.of("has_database_privilege", 2, SqlTypeName.BOOLEAN, false));
        b.put("has_database_privilege", PgFunction.of("has_database_privilege", 3, SqlTypeName.BOOLEAN, false));
        for (String size : List.of("pg_relation_size", "pg_table_size", "pg_indexes_size", "pg_total_relation_size",
                "pg_database_size", "pg_tablespace_size")) {
            b.put(size, PgFunction.of(PgSizeFunctions.class, size, 1, SqlTypeName.BIGINT, false));
        }
        b.put("pg_relation_size", PgFunction.of(PgSizeFunctions.class, "pg_relation_size", 2, SqlTypeName.BIGINT,
                false));
        b.put("pg_size_pretty", PgFunction.of(PgSizeFunctions.class, "pg_size_pretty", 1, SqlTypeName.VARCHAR, false));
        return b.build();
    }

    private static Integer oid(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        return Integer.valueOf(value.toString().trim());
    }

    private static CatalogSnapshot snapshot(DataContext root) {
        return CatalogSnapshot.of(root);
    }

    public static String format_type(Object type, Object typmod) {
        Integer oid = oid(type);
        if (oid == null) {
            return null;
        }
        Integer mod = oid(typmod);
        return PgTypes.format(oid, mod == null ? -1 : mod);
    }

    public static String pg_get_userbyid(DataContext root, Object role) {
        Integer oid = oid(role);
        if (oid == null) {
            return null;
        }
        return oid == PgOids.OWNER_ROLE ? snapshot(root).user : "unknown (OID=" + oid + ")";
    }

    /** True for relations in a schema of the search path ({@code pg_catalog}, {@code public}). */
    public static Boolean pg_table_is_visible(DataContext root, Object relation) {
        Integer oid = oid(relation);
        if (oid == null) {
            return null;
        }
        Relation r = snapshot(root).byOid.get(oid);
        return r != null && (r.schema().equals("public") || r.schema().equals("pg_catalog"));
    }

    public static Boolean pg_type_is_visible(Object type) {
        return type == null ? null : PgTypes.row(oid(type)) != null;
    }

    /** Expressions are stored as their SQL text, so deparsing one is the text itself. */
    public static String pg_get_expr(Object expression, Object relation) {
        return expression == null ? null : expression.toString();
    }

    public static String pg_get_expr(Object expression, Object relation, Object pretty) {
        return pg_get_expr(expression, relation);
    }

    public static String pg_get_indexdef(DataContext root, Object index) {
        return pg_get_indexdef(root, index, 0, false);
    }

    /** The CREATE INDEX statement, or with {@code column} > 0 the name of that key column. */
    public static String pg_get_indexdef(DataContext root, Object index, Object column, Object pretty) {
        Integer oid = oid(index);
        Integer k = oid(column);
        if (oid == null || k == null) {
            return null;
        }
        Relation r = snapshot(root).byOid.get(oid);
        if (r == null || r.index() == null) {
            return null;
        }
        PgIndex i = r.index();
        if (k == 0) {
            return i.definition();
        }
        return k <= i.columns().size() ? Identifiers.quote(i.table().columns().get(i.columns().get(k - 1)).name())
                : "";
    }

    public static String pg_get_constraintdef(DataContext root, Object constraint) {
        return pg_get_constraintdef(root, constraint, false);
    }

    public static String pg_get_constraintdef(DataContext root, Object constraint, Object pretty) {
        Integer oid = oid(constraint);
        if (oid == null) {
            return null;
        }
        for (PgIndex i : snapshot(root).indexes()) {
            if (i.primary() && PgOids.primaryKeyConstraint(i.table().id()) == oid) {
                List<String> columns = new ArrayList<>();
                for (int c : i.columns()) {
                    columns.add(Identifiers.quote(i.table().columns().get(c).name()));
                }
                return "PRIMARY KEY (" + String.join(", ", columns) + ")";
            }
        }
        return null;
    }

    public static String pg_get_viewdef(DataContext root, Object view) {
        Integer oid = oid(view);
        Relation r = oid == null ? null : snapshot(root).byOid.get(oid);
        return r == null || r.view() == null ? null : r.view().query();
    }

    public static String pg_get_viewdef(DataContext root, Object view, Object pretty) {
        return pg_get_viewdef(root, view);
    }

    /**
     * Only built-in functions have descriptions (PostgreSQL's); RustyDB has no COMMENT ON, so
     * tables, columns and other objects have none.
     */
    public static String obj_description(Object object) {
        Integer oid = oid(object);
        return oid == null ? null : PgProc.description(oid);
    }

    public static String obj_description(Object object, Object catalog) {
        Integer oid = oid(object);
        return oid == null || catalog == null || !catalog.toString().equals("pg_proc") ? null : PgProc.description(oid);
    }

    public static String col_description(Object table, Object column) {
        return null;
    }

    public static String shobj_description(Object object, Object catalog) {
        return null;
    }

    /** The name quoted where SQL requires it (upper case, special characters, reserved words). */
    public static String quote_ident(Object name) {
        return name == null ? null : Identifiers.quote(name.toString());
    }

    /** The result type as PostgreSQL prints it ({@code SETOF record}, {@code text}); null for an unknown OID. */
    public static String pg_get_function_result(Object function) {
        PgProc.Builtin f = builtin(function);
        return f == null ? null : f.result();
    }

    /** The argument list with names, modes and defaults, as {@code CREATE FUNCTION} would take it. */
    public static String pg_get_function_arguments(Object function) {
        PgProc.Builtin f = builtin(function);
        return f == null ? null : f.arguments();
    }

    public static String pg_get_function_identity_arguments(Object function) {
        PgProc.Builtin f = builtin(function);
        return f == null ? null : f.identityArguments();
    }

    /** Only functions created with a SQL-standard body have one; built-ins do not. */
    public static String pg_get_function_sqlbody(Object function) {
        return null;
    }

    /** Every function is in pg_catalog, which is on every search path. */
    public static Boolean pg_function_is_visible(Object function) {
        return function == null ? null : builtin(function) != null;
    }

    private static PgProc.Builtin builtin(Object function) {
        Integer oid = oid(function);
        return oid == null ? null : PgProc.BUILTINS.get(oid);
    }

    /** The session's user is the superuser, who holds every privilege on the database; 3D000 for another database. */
    public static Boolean has_database_privilege(DataContext root, Object database, Object privilege) {
        if (database == null || privilege == null) {
            return null;
        }
        CatalogSnapshot s = snapshot(root);
        if (database instanceof Number n ? n.intValue() != PgOids.DATABASE : !database.toString().equals(s.database)) {
            if (database instanceof Number) {
                return null;
            }
            throw new RustyDbException(ErrorCode.INVALID_CATALOG_NAME, database.toString());
        }
        for (String mode : privilege.toString().split(",")) {
            String name = mode.trim().toUpperCase(java.util.Locale.ROOT);
            if (name.endsWith(" WITH GRANT OPTION")) {
                name = name.substring(0, name.length() - " WITH GRANT OPTION".length()).trim();
            }
            if (!List.of("CREATE", "CONNECT", "TEMPORARY", "TEMP").contains(name)) {
                throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "unrecognized privilege type: \"" + mode.trim() + "\"");
            }
        }
        return true;
    }

    /** As {@link #has_database_privilege(DataContext, Object, Object)} for a named role: 42704 unless it is the session's. */
    public static Boolean has_database_privilege(DataContext root, Object role, Object database, Object privilege) {
        if (role == null) {
            return null;
        }
        CatalogSnapshot s = snapshot(root);
        if (role instanceof Number n ? n.intValue() != PgOids.OWNER_ROLE : !role.toString().equals(s.user)) {
            if (role instanceof Number) {
                return null;
            }
            throw new RustyDbException(ErrorCode.UNDEFINED_OBJECT, "role \"" + role + "\" does not exist");
        }
        return has_database_privilege(root, database, privilege);
    }

    public static String pg_encoding_to_char(Object encoding) {
        Integer e = oid(encoding);
        return e == null ? null : e == PgOids.ENCODING_UTF8 ? "UTF8" : "";
    }

    public static String array_to_string(Object array, Object delimiter) {
        if (array == null || delimiter == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Object element : (List<?>) array) {
            if (element != null) {
                parts.add(element.toString());
            }
        }
        return String.join(delimiter.toString(), parts);
    }

    /** Array concatenation ({@code a || b} on arrays); null when both are null. */
    public static List<Object> array_cat(Object left, Object right) {
        if (left == null && right == null) {
            return null;
        }
        List<Object> all = new ArrayList<>();
        for (Object array : new Object[] {left, right}) {
            if (array != null) {
                all.addAll((List<?>) array);
            }
        }
        return all;
    }

    public static String current_database(DataContext root) {
        return CatalogSnapshot.session(root, io.rustydb.sql.calcite.ExecutionContext.DATABASE);
    }

    /** The schemas of the search path; with {@code implicit}, pg_catalog first as PostgreSQL searches it. */
    public static List<String> current_schemas(Object implicit) {
        return Boolean.TRUE.equals(implicit) ? List.of("pg_catalog", "public") : List.of("public");
    }

    /** {@code 'name'::regclass}: the OID of the named relation; 42P01 if there is none. */
    public static Integer regclass_oid(DataContext root, Object name) {
        if (name == null) {
            return null;
        }
        if (name instanceof Number n) {
            return n.intValue();
        }
        String text = name.toString();
        String schema = null;
        int dot = text.indexOf('.');
        if (dot > 0) {
            schema = text.substring(0, dot);
            text = text.substring(dot + 1);
        }
        for (Relation r : snapshot(root).relations) {
            if (r.name().equals(text) && (schema == null ? r.schema().equals("public") || r.schema().equals("pg_catalog")
                    : r.schema().equals(schema))) {
                return r.oid();
            }
        }
        throw new RustyDbException(ErrorCode.UNDEFINED_TABLE, text);
    }

    /** {@code oid::regclass} as text: the relation's name (schema-qualified when not visible), else the number. */
    public static String regclass_name(DataContext root, Object relation) {
        Integer oid = oid(relation);
        if (oid == null) {
            return null;
        }
        Relation r = snapshot(root).byOid.get(oid);
        if (r == null) {
            return oid.toString();
        }
        boolean visible = r.schema().equals("public") || r.schema().equals("pg_catalog");
        return visible ? Identifiers.quote(r.name()) : Identifiers.quote(r.schema()) + "." + Identifiers.quote(r.name());
    }
}
