<#--
  RustyDB grammar extensions, included into Calcite's Parser.jj by FMPP (see ../config.fmpp).
  Productions are prefixed "Pg" so they never clash with Calcite's own. Java-side helpers live
  in io.rustydb.sql.parser.RustyDbParserUtil and the node classes' factories; node classes in
  io.rustydb.sql.parser.{ddl,dml,copy,utility,tx,session}. This file has the lexical additions,
  CREATE/DROP TABLE, transaction control and SET/SHOW/RESET; ddlImpls.ftl, dmlImpls.ftl,
  copyImpls.ftl and utilityImpls.ftl the other statements.
-->

/* ---------------------------------------------------------------------------------------------
 * Positional parameters $1, $2, ...
 *
 * "$1" would otherwise lex as an identifier ("$" is a letter in Calcite). This token is declared
 * before IDENTIFIER, so it wins for "$" followed by digits, and it is re-labelled HOOK so every
 * place that accepts "?" accepts "$n" too. PgDynamicParam (a literal parser method, tried before
 * Calcite's DynamicParam) keeps the number; RustyDbParser fixes up LIMIT/OFFSET/FETCH, where
 * Calcite's own DynamicParam production is used.
 * ------------------------------------------------------------------------------------------- */

<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    < PG_POSITIONAL_PARAM: "$" (["0"-"9"])+ > { matchedToken.kind = HOOK; }
}

/*
 * FOR that starts a locking clause (FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE, FOR KEY SHARE). The
 * lexer tells it from other FORs by peeking at the next words, so that a table reference followed by
 * FOR UPDATE is not read as the start of Calcite's "FOR SYSTEM_TIME AS OF". Declared before
 * Calcite's keywords, this token wins for every "for"; any other FOR is re-labelled as Calcite's.
 */
<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    < LOCKING_FOR: ["f", "F"] ["o", "O"] ["r", "R"] > {
        if (!RustyDbParserUtil.startsLockingClause(input_stream)) {
            matchedToken.kind = FOR;
        }
    }
}

/** The position from token {@code first} to the last token consumed. */
JAVACODE SqlParserPos pgPosFrom(Token first)
{
    return new SqlParserPos(first.beginLine, first.beginColumn, token.endLine, token.endColumn);
}

/** A dynamic parameter in an expression: PostgreSQL's $n, or JDBC's ?. */
SqlNode PgDynamicParam() :
{
}
{
    <HOOK> {
        if (token.image.charAt(0) == '$') {
            return RustyDbParserUtil.positionalParam(token.image, getPos());
        }
        return new SqlDynamicParam(nDynamicParams++, getPos());
    }
}

/** PostgreSQL's cast operator, expr::type (Calcite's INFIX_CAST, a CAST). */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec dt;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    dt = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, s.pos()));
        list.add(dt);
    }
}

/**
 * PostgreSQL's exponent operator, x ^ y: left-associative, above * and / and below unary minus
 * (RustyDbParserUtil.POWER's precedence).
 */
void PgPower(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <CARET> {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(RustyDbParserUtil.POWER, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** PostgreSQL-only type names: int2, int4, int8, float4, float8, bool, text, float(p). */
SqlTypeNameSpec PgTypeName() :
{
    final Span s;
    final int precision;
}
{
    ( <INT2> | <INT4> | <INT8> | <FLOAT4> | <FLOAT8> | <BOOL> | <TEXT> ) {
        return PgTypeNameSpec.of(token.image, getPos());
    }
|
    <FLOAT> { s = span(); }
    <LPAREN> precision = UnsignedIntLiteral() <RPAREN> {
        return RustyDbParserUtil.floatType(precision, s.end(this));
    }
}

/* ---------------------------------------------------------------------------------------------
 * CREATE TABLE / DROP TABLE
 * ------------------------------------------------------------------------------------------- */

SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    boolean ifNotExists = false;
    final SqlIdentifier name;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    final List<SqlNode> tableOptions = new ArrayList<SqlNode>();
    SqlIdentifier tablespace = null;
}
{
    <TABLE> {
        if (replace) {
            throw RustyDbParserUtil.notSupported(s.end(this), "CREATE OR REPLACE TABLE");
        }
    }
    [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = CompoundIdentifier()
    <LPAREN>
    [
        PgTableElement(elements)
        ( <COMMA> PgTableElement(elements) )*
    ]
    <RPAREN>
    [
        <WITH> <LPAREN>
        PgTableOption(tableOptions)
        ( <COMMA> PgTableOption(tableOptions) )*
        <RPAREN>
    ]
    [ <TABLESPACE> tablespace = SimpleIdentifier() ]
    {
        return RustyDbParserUtil.createTable(s.end(this), ifNotExists, name, elements, tableOptions,
            tablespace);
    }
}

void PgTableElement(List<SqlNode> elements) :
{
    final SqlNode element;
}
{
    (
        element = PgTableConstraint()
    |
        element = PgColumnDeclaration()
    )
    { elements.add(element); }
}

/** name type [NOT NULL | NULL | DEFAULT expr | PRIMARY KEY | UNIQUE]..., in any order. */
SqlNode PgColumnDeclaration() :
{
    final SqlIdentifier name;
    final Span s;
    SqlDataTypeSpec type = null;
    String serial = null;
    Boolean nullable = null;
    SqlNode defaultValue = null;
    boolean primaryKey = false;
    boolean unique = false;
    String identity = null;
    final List<GenericOption> identityOptions = new ArrayList<GenericOption>();
    final SqlIdentifier[] ownedBy = { null };
}
{
    name = SimpleIdentifier() { s = span(); }
    (
        LOOKAHEAD(1)
        ( <SMALLSERIAL> | <SERIAL> | <BIGSERIAL> ) { serial = token.image; }
    |
        type = DataType()
    )
    (
        [ <CONSTRAINT> SimpleIdentifier() ]
        (
            <NOT> <NULL> {
                nullable = RustyDbParserUtil.nullability(nullable, false, name, getPos());
            }
        |
            <NULL> {
                nullable = RustyDbParserUtil.nullability(nullable, true, name, getPos());
            }
        |
            <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_SUB_QUERY)
        |
            <PRIMARY> <KEY> { primaryKey = true; }
        |
            <UNIQUE> { unique = true; }
        |
            <GENERATED>
            (
                <ALWAYS> { identity = "a"; }
            |
                <BY> <DEFAULT_> { identity = "d"; }
            )
            <AS> <IDENTITY>
            [ <LPAREN> ( PgSequenceOption(identityOptions, ownedBy) )* <RPAREN> ]
        )
    )*
    {
        return RustyDbParserUtil.column(s.end(this), name, type, serial, nullable, defaultValue,
            primaryKey, unique).withIdentity(identity, identityOptions);
    }
}

/**
 * [CONSTRAINT name] PRIMARY KEY (a, ...) | [CONSTRAINT name] UNIQUE (a, ...) |
 * [CONSTRAINT name] FOREIGN KEY (a, ...) REFERENCES t [(b, ...)] [...].
 */
SqlNode PgTableConstraint() :
{
    Span s = null;
    SqlIdentifier name = null;
    final SqlNode constraint;
}
{
    [ <CONSTRAINT> { s = span(); } name = SimpleIdentifier() ]
    (
        constraint = PgKeyConstraint(s, name)
    |
        <FOREIGN> { if (s == null) s = span(); }
        constraint = PgForeignKeyRest(s, name)
    )
    { return constraint; }
}

/** PRIMARY KEY (a, ...) | UNIQUE (a, ...), after [CONSTRAINT name] (s is null without it). */
SqlNode PgKeyConstraint(Span s, SqlIdentifier name) :
{
    final SqlTableConstraint.Type type;
    final SqlNodeList columns;
}
{
    (
        <PRIMARY> { if (s == null) s = span(); } <KEY> { type = SqlTableConstraint.Type.PRIMARY_KEY; }
    |
        <UNIQUE> { if (s == null) s = span(); type = SqlTableConstraint.Type.UNIQUE; }
    )
    columns = ParenthesizedSimpleIdentifierList()
    {
        return new SqlTableConstraint(s.end(columns), name, type, columns);
    }
}

/** KEY (a, ...) REFERENCES t [(b, ...)] [MATCH ...] [ON DELETE action] [ON UPDATE action], after FOREIGN. */
SqlNode PgForeignKeyRest(Span s, SqlIdentifier name) :
{
    final SqlNodeList columns;
    final SqlIdentifier table;
    SqlNodeList referencedColumns = null;
    SqlForeignKeyConstraint.Action onDelete = SqlForeignKeyConstraint.Action.NO_ACTION;
    SqlForeignKeyConstraint.Action onUpdate = SqlForeignKeyConstraint.Action.NO_ACTION;
}
{
    <KEY> columns = ParenthesizedSimpleIdentifierList()
    <REFERENCES> table = CompoundIdentifier()
    [ referencedColumns = ParenthesizedSimpleIdentifierList() ]
    [ <MATCH> ( <FULL> | <PARTIAL> | <SIMPLE> ) ]
    (
        LOOKAHEAD(2)
        <ON> <DELETE> onDelete = PgReferentialAction()
    |
        <ON> <UPDATE> onUpdate = PgReferentialAction()
    )*
    {
        return new SqlForeignKeyConstraint(s.end(this), name, columns, table, referencedColumns, onDelete,
            onUpdate);
    }
}

SqlForeignKeyConstraint.Action PgReferentialAction() :
{
}
{
    <NO> <ACTION> { return SqlForeignKeyConstraint.Action.NO_ACTION; }
|
    <RESTRICT> { return SqlForeignKeyConstraint.Action.RESTRICT; }
|
    <CASCADE> { return SqlForeignKeyConstraint.Action.CASCADE; }
|
    LOOKAHEAD(2)
    <SET> <NULL> { return SqlForeignKeyConstraint.Action.SET_NULL; }
|
    <SET> <DEFAULT_> { return SqlForeignKeyConstraint.Action.SET_DEFAULT; }
}

/** A storage parameter: name [= value]. */
void PgTableOption(List<SqlNode> list) :
{
    final SqlIdentifier name;
    SqlNode value = null;
}
{
    name = CompoundIdentifier()
    [ <EQ> value = PgSetValue() ]
    {
        list.add(new SqlTableOption(name.getParserPosition(), name, value));
    }
}

SqlDrop SqlDropTable(Span s, boolean replace) :
{
    boolean ifExists = false;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    SqlIdentifier name;
    boolean cascade = false;
}
{
    <TABLE>
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundIdentifier() { names.add(name); }
    ( <COMMA> name = CompoundIdentifier() { names.add(name); } )*
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropTable(s.end(this), ifExists, names, cascade);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Transaction control
 * ------------------------------------------------------------------------------------------- */

/** BEGIN [WORK | TRANSACTION] [modes]. */
SqlNode PgBegin() :
{
    final Span s;
    TransactionModes modes = TransactionModes.NONE;
}
{
    <BEGIN> { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    [ modes = PgTransactionModes() ]
    {
        return new SqlBeginTransaction(s.end(this), false, modes);
    }
}

/** START TRANSACTION [modes]. */
SqlNode PgStartTransaction() :
{
    final Span s;
    TransactionModes modes = TransactionModes.NONE;
}
{
    <START> { s = span(); } <TRANSACTION>
    [ modes = PgTransactionModes() ]
    {
        return new SqlBeginTransaction(s.end(this), true, modes);
    }
}

/** COMMIT [WORK | TRANSACTION], or END [WORK | TRANSACTION]. */
SqlNode PgCommit() :
{
    final Span s;
}
{
    ( <COMMIT> | <END> ) { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    {
        return new SqlCommitTransaction(s.end(this));
    }
}

/** ROLLBACK [WORK | TRANSACTION], or ABORT [WORK | TRANSACTION]. */
SqlNode PgRollback() :
{
    final Span s;
}
{
    ( <ROLLBACK> | <ABORT> ) { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    {
        return new SqlRollbackTransaction(s.end(this));
    }
}

/** One or more transaction modes, optionally separated by commas. */
TransactionModes PgTransactionModes() :
{
    TransactionModes modes = TransactionModes.NONE;
}
{
    modes = PgTransactionMode(modes)
    ( [ <COMMA> ] modes = PgTransactionMode(modes) )*
    { return modes; }
}

TransactionModes PgTransactionMode(TransactionModes modes) :
{
    final IsolationLevel level;
}
{
    <ISOLATION> <LEVEL> level = PgIsolationLevel() {
        return modes.withIsolationLevel(level);
    }
|
    LOOKAHEAD(2)
    <READ> <WRITE> { return modes.withAccessMode(AccessMode.READ_WRITE); }
|
    <READ> <ONLY> { return modes.withAccessMode(AccessMode.READ_ONLY); }
|
    <DEFERRABLE> { return modes.withDeferrable(true); }
|
    <NOT> <DEFERRABLE> { return modes.withDeferrable(false); }
}

IsolationLevel PgIsolationLevel() :
{
}
{
    <SERIALIZABLE> { return IsolationLevel.SERIALIZABLE; }
|
    <REPEATABLE> <READ> { return IsolationLevel.REPEATABLE_READ; }
|
    LOOKAHEAD(2)
    <READ> <COMMITTED> { return IsolationLevel.READ_COMMITTED; }
|
    <READ> <UNCOMMITTED> { return IsolationLevel.READ_UNCOMMITTED; }
}

/* ---------------------------------------------------------------------------------------------
 * Run-time parameters: SET, SHOW, RESET
 * ------------------------------------------------------------------------------------------- */

/**
 * SET [SESSION | LOCAL] ..., SET SESSION CHARACTERISTICS AS TRANSACTION ...,
 * SET TRANSACTION .... Listed before Calcite's SqlSetOption, so it wins for every SET statement.
 */
SqlNode PgSet() :
{
    final Span s;
    boolean local = false;
    final TransactionModes modes;
    final SqlNode stmt;
}
{
    <SET> { s = span(); }
    (
        LOOKAHEAD(2)
        <SESSION> <CHARACTERISTICS> <AS> <TRANSACTION> modes = PgTransactionModes() {
            return new SqlSetTransaction(s.end(this), true, modes);
        }
    |
        [
            LOOKAHEAD(1)
            (
                <SESSION>
            |
                <LOCAL> { local = true; }
            )
        ]
        stmt = PgSetRest(s, local) { return stmt; }
    )
}

SqlNode PgSetRest(Span s, boolean local) :
{
    final SqlIdentifier name;
    final List<SqlNode> values = new ArrayList<SqlNode>();
    final TransactionModes modes;
    SqlNode value;
}
{
    <TIME> <ZONE>
    (
        <DEFAULT_>
    |
        <LOCAL>
    |
        value = PgSetValue() { values.add(value); }
    )
    {
        return new SqlSetVariable(s.end(this), local, "timezone", values);
    }
|
    LOOKAHEAD(2)
    <TRANSACTION> modes = PgTransactionModes() {
        return new SqlSetTransaction(s.end(this), false, modes);
    }
|
    LOOKAHEAD(2)
    <NAMES> ( <DEFAULT_> | value = PgSetValue() { values.add(value); } ) {
        return new SqlSetVariable(s.end(this), local, "client_encoding", values);
    }
|
    LOOKAHEAD(2)
    <SCHEMA> value = StringLiteral() {
        values.add(value);
        return new SqlSetVariable(s.end(this), local, "search_path", values);
    }
|
    name = CompoundIdentifier()
    ( <EQ> | <TO> )
    (
        <DEFAULT_>
    |
        value = PgSetValue() { values.add(value); }
        ( <COMMA> value = PgSetValue() { values.add(value); } )*
    )
    {
        return new SqlSetVariable(s.end(this), local, RustyDbParserUtil.variableName(name), values);
    }
}

/** A parameter value: a string, a signed number, ON/TRUE/FALSE or a (possibly quoted) word. */
SqlNode PgSetValue() :
{
    final SqlNode e;
}
{
    (
        e = StringLiteral()
    |
        e = NumericLiteral()
    |
        ( <ON> | <TRUE> | <FALSE> ) {
            e = new SqlIdentifier(token.image.toLowerCase(Locale.ROOT), getPos());
        }
    |
        e = PgWord()
    )
    { return e; }
}

/** A simple identifier that remembers whether it was quoted (SET search_path = "$user"). */
SqlIdentifier PgWord() :
{
    final List<String> names = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
}
{
    AddIdentifierSegment(names, positions) {
        return new SqlIdentifier(names, null, positions.get(0), positions);
    }
}

/** SHOW name | SHOW ALL | SHOW TIME ZONE | SHOW TRANSACTION ISOLATION LEVEL. */
SqlNode PgShow() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); }
    (
        <ALL> { return new SqlShowVariable(s.end(this), null); }
    |
        <TIME> <ZONE> { return new SqlShowVariable(s.end(this), "timezone"); }
    |
        LOOKAHEAD(2)
        <TRANSACTION> <ISOLATION> <LEVEL> {
            return new SqlShowVariable(s.end(this), "transaction_isolation");
        }
    |
        LOOKAHEAD(2)
        <SESSION> <AUTHORIZATION> {
            return new SqlShowVariable(s.end(this), "session_authorization");
        }
    |
        name = CompoundIdentifier() {
            return new SqlShowVariable(s.end(this), RustyDbParserUtil.variableName(name));
        }
    )
}

/** RESET name | RESET ALL | RESET TIME ZONE. Listed before Calcite's RESET. */
SqlNode PgReset() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <RESET> { s = span(); }
    (
        <ALL> { return new SqlResetVariable(s.end(this), null); }
    |
        <TIME> <ZONE> { return new SqlResetVariable(s.end(this), "timezone"); }
    |
        LOOKAHEAD(2)
        <SESSION> <AUTHORIZATION> {
            return new SqlResetVariable(s.end(this), "session_authorization");
        }
    |
        name = CompoundIdentifier() {
            return new SqlResetVariable(s.end(this), RustyDbParserUtil.variableName(name));
        }
    )
}
