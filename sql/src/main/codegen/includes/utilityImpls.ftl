<#--
  EXPLAIN, VACUUM and ANALYZE. Included into Calcite's Parser.jj by FMPP (see ../config.fmpp);
  nodes are in io.rustydb.sql.parser.utility.
-->

/**
 * EXPLAIN [ANALYZE] [VERBOSE] statement | EXPLAIN (option [value], ...) statement. Calcite's
 * EXPLAIN PLAN [...] FOR statement is kept.
 */
SqlNode PgExplain() :
{
    final Span s;
    List<GenericOption> optionList = new ArrayList<GenericOption>();
    boolean analyze = false;
    boolean verbose = false;
    final SqlNode stmt;
}
{
    LOOKAHEAD(2)
    stmt = SqlExplain() { return stmt; }
|
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(2)
        optionList = PgGenericOptions()
    |
        [ LOOKAHEAD(1) <ANALYZE> { analyze = true; } ]
        [ LOOKAHEAD(1) <VERBOSE> { verbose = true; } ]
    )
    stmt = PgExplainable()
    {
        return SqlExplainStatement.create(s.end(this), stmt, optionList, analyze, verbose);
    }
}

/** What EXPLAIN can explain: a query, INSERT, UPDATE or DELETE. */
SqlNode PgExplainable() :
{
    final SqlNode stmt;
}
{
    (
        stmt = PgInsert()
    |
        stmt = PgUpdate()
    |
        stmt = PgDelete()
    |
        stmt = PgQuery()
    )
    { return stmt; }
}

/**
 * VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(col, ...)], ...] |
 * VACUUM (option [value], ...) [table [(col, ...)], ...].
 */
SqlNode PgVacuum() :
{
    final Span s;
    List<GenericOption> optionList = new ArrayList<GenericOption>();
    boolean full = false;
    boolean freeze = false;
    boolean verbose = false;
    boolean analyze = false;
    final List<VacuumTarget> targets;
}
{
    <VACUUM> { s = span(); }
    (
        optionList = PgGenericOptions()
    |
        [ <FULL> { full = true; } ]
        [ LOOKAHEAD(1) <FREEZE> { freeze = true; } ]
        [ LOOKAHEAD(1) <VERBOSE> { verbose = true; } ]
        [ LOOKAHEAD(1) <ANALYZE> { analyze = true; } ]
    )
    targets = PgVacuumTargets()
    {
        return SqlVacuum.create(s.end(this), optionList, full, freeze, verbose, analyze, targets);
    }
}

/** ANALYZE [VERBOSE] [table [(col, ...)], ...] | ANALYZE (option [value], ...) [...]. */
SqlNode PgAnalyze() :
{
    final Span s;
    List<GenericOption> optionList = new ArrayList<GenericOption>();
    boolean verbose = false;
    final List<VacuumTarget> targets;
}
{
    <ANALYZE> { s = span(); }
    (
        optionList = PgGenericOptions()
    |
        [ LOOKAHEAD(1) <VERBOSE> { verbose = true; } ]
    )
    targets = PgVacuumTargets()
    {
        return SqlAnalyze.create(s.end(this), optionList, verbose, targets);
    }
}

/** [table [(col, ...)], ...]. */
List<VacuumTarget> PgVacuumTargets() :
{
    final List<VacuumTarget> targets = new ArrayList<VacuumTarget>();
}
{
    [ PgVacuumTarget(targets) ( <COMMA> PgVacuumTarget(targets) )* ]
    { return targets; }
}

void PgVacuumTarget(List<VacuumTarget> targets) :
{
    final SqlIdentifier table;
    SqlNodeList columns = SqlNodeList.EMPTY;
}
{
    table = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    {
        targets.add(new VacuumTarget(table, RustyDbParserUtil.names(columns)));
    }
}
