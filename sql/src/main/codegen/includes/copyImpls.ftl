<#--
  COPY ... FROM STDIN / TO STDOUT, and the generic option list "(name [value], ...)" that COPY,
  EXPLAIN, VACUUM and ANALYZE share. Included into Calcite's Parser.jj by FMPP (see
  ../config.fmpp); the node is io.rustydb.sql.parser.copy.SqlCopy.
-->

/**
 * COPY table [(col, ...)] FROM STDIN [options] | COPY table [(col, ...)] TO STDOUT [options] |
 * COPY (query) TO STDOUT [options].
 */
SqlNode PgCopy() :
{
    final Span s;
    SqlIdentifier table = null;
    SqlNodeList columns = null;
    SqlNode query = null;
    final boolean from;
    final List<GenericOption> optionList = new ArrayList<GenericOption>();
}
{
    <COPY> { s = span(); }
    (
        <LPAREN> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) <RPAREN>
        <TO> { from = false; }
    |
        table = CompoundIdentifier()
        [ columns = ParenthesizedSimpleIdentifierList() ]
        (
            <FROM> { from = true; }
        |
            <TO> { from = false; }
        )
    )
    PgCopyEndpoint()
    [
        <WITH> [ PgCopyOptions(optionList) ]
    |
        PgCopyOptions(optionList)
    ]
    {
        return SqlCopy.create(s.end(this), table, columns, query, from, optionList);
    }
}

/**
 * STDIN or STDOUT (PostgreSQL takes either word in either direction); a file name or PROGRAM
 * 'command' is refused.
 */
void PgCopyEndpoint() :
{
    final SqlParserPos pos;
}
{
    <STDIN>
|
    <STDOUT>
|
    ( <PROGRAM> { pos = getPos(); } SimpleStringLiteral() | SimpleStringLiteral() { pos = getPos(); } ) {
        throw RustyDbParserUtil.featureNotSupported(pos, "COPY to or from a file is not supported; "
            + "use COPY ... FROM STDIN / TO STDOUT, e.g. psql's \\copy");
    }
}

/** (name [value], ...), or the options of PostgreSQL before 9.0: CSV HEADER DELIMITER ',' .... */
void PgCopyOptions(List<GenericOption> optionList) :
{
    final List<GenericOption> list;
}
{
    list = PgGenericOptions() { optionList.addAll(list); }
|
    ( PgCopyLegacyOption(optionList) )+
}

/**
 * BINARY | CSV | HEADER | FREEZE | DELIMITER [AS] 'c' | NULL [AS] 'str' | QUOTE [AS] 'c' |
 * ESCAPE [AS] 'c' | ENCODING 'name' | FORCE QUOTE cols | FORCE QUOTE * | FORCE NOT NULL cols |
 * FORCE NULL cols, as the generic option each stands for.
 */
void PgCopyLegacyOption(List<GenericOption> optionList) :
{
    final SqlParserPos pos;
    final SqlIdentifier word;
    SqlNode value = null;
    final SqlNodeList columns;
}
{
    <BINARY> {
        optionList.add(new GenericOption("format", new SqlIdentifier("binary", getPos()), getPos()));
    }
|
    <NULL> { pos = getPos(); } [ <AS> ] value = StringLiteral() {
        optionList.add(new GenericOption("null", value, pos));
    }
|
    LOOKAHEAD(2)
    <FORCE> { pos = getPos(); }
    (
        <NOT> <NULL> columns = PgCopyColumnList() {
            optionList.add(new GenericOption("force_not_null", columns, pos));
        }
    |
        <NULL> columns = PgCopyColumnList() {
            optionList.add(new GenericOption("force_null", columns, pos));
        }
    |
        word = SimpleIdentifier()
        (
            <STAR> { value = SqlIdentifier.star(getPos()); }
        |
            value = PgCopyColumnList()
        )
        {
            optionList.add(SqlCopy.legacyOption("force_" + word.getSimple(), value, word.getParserPosition()));
        }
    )
|
    word = SimpleIdentifier()
    [ [ <AS> ] value = StringLiteral() ]
    {
        optionList.add(SqlCopy.legacyOption(word.getSimple(), value, word.getParserPosition()));
    }
}

/** col, ... without parentheses, as in FORCE NOT NULL a, b. */
SqlNodeList PgCopyColumnList() :
{
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    SqlIdentifier column;
}
{
    column = SimpleIdentifier() { columns.add(column); }
    ( <COMMA> column = SimpleIdentifier() { columns.add(column); } )*
    { return new SqlNodeList(columns, Span.of(columns).pos()); }
}

/* ---------------------------------------------------------------------------------------------
 * Generic options: ( name [value], ... )
 * ------------------------------------------------------------------------------------------- */

List<GenericOption> PgGenericOptions() :
{
    final List<GenericOption> optionList = new ArrayList<GenericOption>();
}
{
    <LPAREN> PgGenericOption(optionList) ( <COMMA> PgGenericOption(optionList) )* <RPAREN>
    { return optionList; }
}

/**
 * name [value]: the name is any word (NULL, FULL too); the value a string, a number, a word,
 * ON/TRUE/FALSE, *, or a parenthesized column list.
 */
void PgGenericOption(List<GenericOption> optionList) :
{
    final SqlIdentifier name;
    SqlNode value = null;
}
{
    (
        name = SimpleIdentifier()
    |
        ( <NULL> | <FULL> ) { name = new SqlIdentifier(token.image.toLowerCase(Locale.ROOT), getPos()); }
    )
    [
        value = PgSetValue()
    |
        ( <BINARY> | <MATCH> ) { value = new SqlIdentifier(token.image.toLowerCase(Locale.ROOT), getPos()); }
    |
        <STAR> { value = SqlIdentifier.star(getPos()); }
    |
        value = ParenthesizedSimpleIdentifierList()
    ]
    {
        optionList.add(new GenericOption(name.getSimple(), value, name.getParserPosition()));
    }
}
