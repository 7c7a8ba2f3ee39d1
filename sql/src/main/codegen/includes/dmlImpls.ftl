<#--
  PostgreSQL's additions to queries and data manipulation: RETURNING, UPDATE ... FROM, DELETE ...
  USING, locking clauses (FOR UPDATE ...) and TRUNCATE. Included into Calcite's Parser.jj by FMPP
  (see ../config.fmpp); nodes are in io.rustydb.sql.parser.dml. PgInsert, PgUpdate, PgDelete and PgQuery
  are statement methods tried before Calcite's own INSERT/UPDATE/DELETE/query alternatives, which
  they wrap or replace.
-->

/** INSERT ... [RETURNING items]: Calcite's INSERT, wrapped in SqlReturning if RETURNING follows. */
SqlNode PgInsert() :
{
    SqlNode stmt;
}
{
    stmt = PgInsertBody()
    [ stmt = PgReturning(stmt) ]
    { return stmt; }
}

/**
 * INSERT INTO t [(columns)] [OVERRIDING {SYSTEM | USER} VALUE] source: Calcite's SqlInsert
 * production (without UPSERT and table extensions) with PostgreSQL's OVERRIDING clause.
 */
SqlNode PgInsertBody() :
{
    final SqlIdentifier tableName;
    SqlNode source;
    SqlNodeList columnList = null;
    final Span s;
    SqlPgInsert.Overriding overriding = SqlPgInsert.Overriding.NONE;
}
{
    <INSERT> { s = span(); }
    <INTO> tableName = CompoundTableIdentifier()
    [
        LOOKAHEAD(2)
        columnList = ParenthesizedSimpleIdentifierList()
    ]
    [
        <OVERRIDING>
        (
            <SYSTEM> { overriding = SqlPgInsert.Overriding.SYSTEM_VALUE; }
        |
            <USER> { overriding = SqlPgInsert.Overriding.USER_VALUE; }
        )
        <VALUE>
    ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        return new SqlPgInsert(s.end(source), SqlNodeList.EMPTY, tableName, source, columnList, overriding);
    }
}

/**
 * DELETE FROM t [[AS] alias] [USING from_list] [WHERE cond] [RETURNING items]. Calcite's DELETE
 * has no USING, so this is Calcite's production (without table hints and extensions) with one added.
 */
SqlNode PgDelete() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    SqlNode using = null;
    SqlNode where = null;
    SqlNode stmt;
}
{
    <DELETE> { s = span(); }
    <FROM> table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    [ <USING> using = FromClause() ]
    [ where = Where() ]
    {
        stmt = new SqlDelete(s.add(table).addIf(alias).addIf(where).pos(), table, where, null, alias);
        if (using != null) {
            stmt = new SqlDeleteUsing(s.end(this), (SqlDelete) stmt, using);
        }
    }
    [ stmt = PgReturning(stmt) ]
    { return stmt; }
}

/**
 * UPDATE t [[AS] alias] SET col = expr, ... [FROM from_list] [WHERE cond] [RETURNING items].
 * Calcite's UPDATE has no FROM, so this is Calcite's production with one added.
 */
SqlNode PgUpdate() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    final SqlNodeList targetColumns;
    final SqlNodeList sourceExpressions;
    SqlNode from = null;
    SqlNode where = null;
    SqlNode stmt;
}
{
    <UPDATE> {
        s = span();
        targetColumns = new SqlNodeList(s.pos());
        sourceExpressions = new SqlNodeList(s.pos());
    }
    table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    <SET> PgSetClause(targetColumns, sourceExpressions)
    ( <COMMA> PgSetClause(targetColumns, sourceExpressions) )*
    [ <FROM> from = FromClause() ]
    [ where = Where() ]
    {
        final SqlParserPos pos = s.addAll(targetColumns).addAll(sourceExpressions).addIf(where).pos();
        stmt = new SqlUpdate(pos, table, targetColumns, sourceExpressions, where, null, alias);
        if (from != null) {
            stmt = new SqlUpdateFrom(s.end(this), (SqlUpdate) stmt, from);
        }
    }
    [ stmt = PgReturning(stmt) ]
    { return stmt; }
}

/** col = expr in UPDATE's SET list. */
void PgSetClause(SqlNodeList targetColumns, SqlNodeList sourceExpressions) :
{
    final SqlIdentifier column;
}
{
    column = CompoundIdentifier() { targetColumns.add(column); }
    <EQ> AddExpression(sourceExpressions, ExprContext.ACCEPT_SUB_QUERY)
}

/** RETURNING item, ... after INSERT, UPDATE or DELETE; items are written as in a select list. */
SqlNode PgReturning(SqlNode dml) :
{
    final Span s;
    final List<SqlNode> items = new ArrayList<SqlNode>();
}
{
    <RETURNING> { s = span(); }
    AddSelectItem(items) ( <COMMA> AddSelectItem(items) )*
    {
        return new SqlReturning(Span.of(dml).end(this), dml, new SqlNodeList(items, s.end(this)));
    }
}

/** A query, optionally followed by one locking clause. */
SqlNode PgQuery() :
{
    final Token first = getToken(1);
    SqlNode query;
}
{
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [ query = PgLockingClause(first, query) ]
    { return query; }
}

/** FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE | FOR KEY SHARE [OF t, ...] [NOWAIT | SKIP LOCKED]. */
SqlNode PgLockingClause(Token first, SqlNode query) :
{
    final SqlSelectForUpdate.LockStrength strength;
    List<SqlIdentifier> tables = new ArrayList<SqlIdentifier>();
    SqlSelectForUpdate.WaitPolicy waitPolicy = SqlSelectForUpdate.WaitPolicy.WAIT;
}
{
    <LOCKING_FOR>
    (
        <UPDATE> { strength = SqlSelectForUpdate.LockStrength.UPDATE; }
    |
        <NO> <KEY> <UPDATE> { strength = SqlSelectForUpdate.LockStrength.NO_KEY_UPDATE; }
    |
        <SHARE> { strength = SqlSelectForUpdate.LockStrength.SHARE; }
    |
        <KEY> <SHARE> { strength = SqlSelectForUpdate.LockStrength.KEY_SHARE; }
    )
    [ <OF> tables = PgNameList() ]
    [
        <NOWAIT> { waitPolicy = SqlSelectForUpdate.WaitPolicy.NOWAIT; }
    |
        <SKIP_> <LOCKED> { waitPolicy = SqlSelectForUpdate.WaitPolicy.SKIP_LOCKED; }
    ]
    {
        return new SqlSelectForUpdate(pgPosFrom(first), query, strength, tables, waitPolicy);
    }
}

/**
 * TRUNCATE [TABLE] [ONLY] name [*], ... [RESTART IDENTITY | CONTINUE IDENTITY]
 * [CASCADE | RESTRICT].
 */
SqlNode PgTruncate() :
{
    final Span s;
    final List<SqlIdentifier> tables = new ArrayList<SqlIdentifier>();
    boolean restartIdentity = false;
    boolean cascade = false;
}
{
    <TRUNCATE> { s = span(); }
    [ <TABLE> ]
    PgTruncateTable(tables) ( <COMMA> PgTruncateTable(tables) )*
    [
        <RESTART> <IDENTITY> { restartIdentity = true; }
    |
        <CONTINUE> <IDENTITY>
    ]
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlTruncate(s.end(this), tables, restartIdentity, cascade);
    }
}

void PgTruncateTable(List<SqlIdentifier> tables) :
{
    final SqlIdentifier name;
}
{
    [ <ONLY> ] name = CompoundIdentifier() [ <STAR> ] { tables.add(name); }
}
