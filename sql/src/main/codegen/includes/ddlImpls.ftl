<#--
  ALTER TABLE, CREATE/DROP INDEX, CREATE/DROP VIEW, CREATE/DROP SEQUENCE. Included into Calcite's
  Parser.jj by FMPP (see ../config.fmpp); nodes are in io.rustydb.sql.parser.ddl.
-->

/* ---------------------------------------------------------------------------------------------
 * ALTER TABLE
 * ------------------------------------------------------------------------------------------- */

/** ALTER TABLE [IF EXISTS] [ONLY] name action. Calcite's ALTER only has SYSTEM/SESSION scopes. */
SqlNode PgAlterTable() :
{
    final Span s;
    boolean ifExists = false;
    final SqlIdentifier name;
    final AlterTableAction action;
}
{
    <ALTER> { s = span(); } <TABLE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    [ <ONLY> ]
    name = CompoundIdentifier()
    action = PgAlterTableAction()
    {
        return new SqlAlterTable(s.end(this), ifExists, name, action);
    }
}

AlterTableAction PgAlterTableAction() :
{
    final SqlNode element;
    boolean ifNotExists = false;
    boolean ifExists = false;
    boolean cascade = false;
    final SqlIdentifier column;
    final SqlIdentifier newName;
}
{
    <ADD>
    (
        element = PgTableConstraint() {
            return element instanceof SqlForeignKeyConstraint
                ? new AlterTableAction.AddForeignKey((SqlForeignKeyConstraint) element)
                : new AlterTableAction.AddConstraint((SqlTableConstraint) element);
        }
    |
        [ <COLUMN> ]
        [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
        element = PgColumnDeclaration() {
            return new AlterTableAction.AddColumn((SqlColumnDeclaration) element, ifNotExists);
        }
    )
|
    <DROP> [ <COLUMN> ]
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    column = SimpleIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new AlterTableAction.DropColumn(column, ifExists, cascade);
    }
|
    <RENAME>
    (
        <TO> newName = SimpleIdentifier() {
            return new AlterTableAction.RenameTable(newName);
        }
    |
        [ <COLUMN> ] column = SimpleIdentifier() <TO> newName = SimpleIdentifier() {
            return new AlterTableAction.RenameColumn(column, newName);
        }
    )
}

/* ---------------------------------------------------------------------------------------------
 * CREATE INDEX / DROP INDEX
 * ------------------------------------------------------------------------------------------- */

/**
 * [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method]
 * (column [ASC | DESC] [NULLS FIRST | LAST], ...), after CREATE.
 */
SqlCreate SqlCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    boolean concurrently = false;
    boolean ifNotExists = false;
    SqlIdentifier name = null;
    final SqlIdentifier table;
    SqlIdentifier method = null;
    final List<IndexColumn> columns = new ArrayList<IndexColumn>();
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> {
        if (replace) {
            throw RustyDbParserUtil.notSupported(s.end(this), "CREATE OR REPLACE INDEX");
        }
    }
    [ LOOKAHEAD(1) <CONCURRENTLY> { concurrently = true; } ]
    [
        LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } name = SimpleIdentifier()
    |
        name = SimpleIdentifier()
    ]
    <ON> [ <ONLY> ] table = CompoundIdentifier()
    [ <USING> method = SimpleIdentifier() ]
    <LPAREN> PgIndexColumn(columns) ( <COMMA> PgIndexColumn(columns) )* <RPAREN>
    [
        <WHERE> {
            throw RustyDbParserUtil.featureNotSupported(getPos(), "partial indexes are not supported");
        }
    ]
    {
        return new SqlCreateIndex(s.end(this), unique, concurrently, ifNotExists, name, table,
            SqlCreateIndex.method(method), columns);
    }
}

/** An index key: a column (an expression is parsed, then refused) with its sort order. */
void PgIndexColumn(List<IndexColumn> columns) :
{
    final SqlNode key;
    boolean descending = false;
    Boolean nullsFirst = null;
}
{
    key = Expression(ExprContext.ACCEPT_NON_QUERY)
    [ <ASC> | <DESC> { descending = true; } ]
    [ <NULLS> ( <FIRST> { nullsFirst = Boolean.TRUE; } | <LAST> { nullsFirst = Boolean.FALSE; } ) ]
    {
        columns.add(SqlCreateIndex.column(key, descending, nullsFirst));
    }
}

/** INDEX [CONCURRENTLY] [IF EXISTS] name, ... [CASCADE | RESTRICT], after DROP. */
SqlDrop SqlDropIndex(Span s, boolean replace) :
{
    boolean concurrently = false;
    boolean ifExists = false;
    final List<SqlIdentifier> names;
    boolean cascade = false;
}
{
    <INDEX>
    [ LOOKAHEAD(1) <CONCURRENTLY> { concurrently = true; } ]
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    names = PgNameList()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropIndex(s.end(this), concurrently, ifExists, names, cascade);
    }
}

/** name, ... for DROP and TRUNCATE; each name may be qualified. */
List<SqlIdentifier> PgNameList() :
{
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    SqlIdentifier name;
}
{
    name = CompoundIdentifier() { names.add(name); }
    ( <COMMA> name = CompoundIdentifier() { names.add(name); } )*
    { return names; }
}

/* ---------------------------------------------------------------------------------------------
 * CREATE VIEW / DROP VIEW
 * ------------------------------------------------------------------------------------------- */

/** VIEW name [(col, ...)] AS query, after CREATE [OR REPLACE]. Remembers where the query's text is. */
SqlCreate SqlCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final Token first;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> { first = getToken(1); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), replace, name, columns, query,
            pgPosFrom(first), null);
    }
}

/** VIEW [IF EXISTS] name, ... [CASCADE | RESTRICT], after DROP. */
SqlDrop SqlDropView(Span s, boolean replace) :
{
    boolean ifExists = false;
    final List<SqlIdentifier> names;
    boolean cascade = false;
}
{
    <VIEW>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    names = PgNameList()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropView(s.end(this), ifExists, names, cascade);
    }
}

/* ---------------------------------------------------------------------------------------------
 * CREATE SEQUENCE / DROP SEQUENCE
 * ------------------------------------------------------------------------------------------- */

/** SEQUENCE [IF NOT EXISTS] name [option ...], after CREATE. */
SqlCreate SqlCreateSequence(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final List<GenericOption> optionList = new ArrayList<GenericOption>();
    final SqlIdentifier[] ownedBy = { null };
}
{
    <SEQUENCE> {
        if (replace) {
            throw RustyDbParserUtil.notSupported(s.end(this), "CREATE OR REPLACE SEQUENCE");
        }
    }
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    ( PgSequenceOption(optionList, ownedBy) )*
    {
        return new SqlCreateSequence(s.end(this), ifNotExists, name, SequenceOptions.resolve(optionList),
            ownedBy[0]);
    }
}

/**
 * AS type | INCREMENT [BY] n | [NO] MINVALUE [n] | [NO] MAXVALUE [n] | START [WITH] n | CACHE n |
 * [NO] CYCLE | OWNED BY t.c | OWNED BY NONE. Collected as options for SequenceOptions.resolve.
 */
void PgSequenceOption(List<GenericOption> optionList, SqlIdentifier[] ownedBy) :
{
    final SqlParserPos pos;
    final SqlDataTypeSpec type;
    final SqlNode value;
}
{
    <AS> { pos = getPos(); } type = DataType() {
        optionList.add(new GenericOption("as", type, pos));
    }
|
    <INCREMENT> { pos = getPos(); } [ <BY> ] value = NumericLiteral() {
        optionList.add(new GenericOption("increment", value, pos));
    }
|
    <MINVALUE> { pos = getPos(); } value = NumericLiteral() {
        optionList.add(new GenericOption("minvalue", value, pos));
    }
|
    <MAXVALUE> { pos = getPos(); } value = NumericLiteral() {
        optionList.add(new GenericOption("maxvalue", value, pos));
    }
|
    <START> { pos = getPos(); } [ <WITH> ] value = NumericLiteral() {
        optionList.add(new GenericOption("start", value, pos));
    }
|
    <CACHE> { pos = getPos(); } value = NumericLiteral() {
        optionList.add(new GenericOption("cache", value, pos));
    }
|
    <CYCLE> {
        optionList.add(new GenericOption("cycle", null, getPos()));
    }
|
    <NO> { pos = getPos(); }
    (
        <MINVALUE> { optionList.add(new GenericOption("minvalue", null, pos)); }
    |
        <MAXVALUE> { optionList.add(new GenericOption("maxvalue", null, pos)); }
    |
        <CYCLE> { optionList.add(new GenericOption("cycle", SqlLiteral.createBoolean(false, pos), pos)); }
    )
|
    <OWNED> { pos = getPos(); } <BY>
    (
        <NONE> { ownedBy[0] = null; }
    |
        ownedBy[0] = CompoundIdentifier()
    )
    {
        optionList.add(new GenericOption("owned", null, pos));
    }
}

/** ALTER SEQUENCE [IF EXISTS] name { RESTART [[WITH] n] | option } ... */
SqlNode PgAlterSequence() :
{
    final Span s;
    boolean ifExists = false;
    final SqlIdentifier name;
    SqlParserPos pos;
    SqlNode value = null;
    final List<GenericOption> optionList = new ArrayList<GenericOption>();
    final SqlIdentifier[] ownedBy = { null };
}
{
    <ALTER> { s = span(); } <SEQUENCE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundIdentifier()
    (
        <RESTART> { pos = getPos(); value = null; }
        [ [ <WITH> ] value = NumericLiteral() ]
        { optionList.add(new GenericOption("restart", value, pos)); }
    |
        PgSequenceOption(optionList, ownedBy)
    )+
    {
        return SqlAlterSequence.of(s.end(this), ifExists, name, optionList, ownedBy[0]);
    }
}

/** SEQUENCE [IF EXISTS] name, ... [CASCADE | RESTRICT], after DROP. */
SqlDrop SqlDropSequence(Span s, boolean replace) :
{
    boolean ifExists = false;
    final List<SqlIdentifier> names;
    boolean cascade = false;
}
{
    <SEQUENCE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    names = PgNameList()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropSequence(s.end(this), ifExists, names, cascade);
    }
}
