package io.rustydb.sql.admin;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.UtilityPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code EXEC procedure(...)}: binds the arguments to the procedure's parameters (an unknown
 * procedure is 42883, an unknown or repeated parameter or too many arguments 42601) and runs it
 * outside the session's transaction; its rows, if any, are the result.
 */
public final class ExecPlan extends UtilityPlan {
    private final ExecStatement statement;
    private final Procedure procedure;

    public ExecPlan(ExecStatement statement, Administration admin) {
        this.statement = statement;
        this.procedure = admin.procedure(statement.procedure()).orElseThrow(() -> new RustyDbException(
                ErrorCode.UNDEFINED_FUNCTION, statement.procedure() + "(" + "...)"));
    }

    @Override
    public String commandName() {
        return "EXEC";
    }

    @Override
    public List<ResultColumn> columns() {
        return procedure.columns();
    }

    @Override
    public List<String> explain() {
        return List.of("Procedure " + procedure.name());
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        Map<String, Object> bound = new LinkedHashMap<>();
        List<String> names = procedure.parameters();
        int position = 0;
        for (ExecStatement.Argument a : statement.arguments()) {
            String name;
            if (a.name() == null) {
                if (!bound.isEmpty() && position < bound.size()) {
                    throw syntax("a positional argument cannot follow a named one");
                }
                if (position >= names.size()) {
                    throw syntax("procedure " + procedure.name() + " takes " + names.size() + " argument(s)");
                }
                name = names.get(position++);
            } else {
                name = a.name();
                if (!names.contains(name)) {
                    throw syntax("procedure " + procedure.name() + " has no parameter " + name + "; its parameters: "
                            + names);
                }
            }
            if (bound.containsKey(name)) {
                throw syntax("parameter " + name + " is given twice");
            }
            bound.put(name, a.value());
        }
        List<Object[]> rows = procedure.call(bound);
        return procedure.columns().isEmpty() ? Execution.completed("EXEC") : Execution.ofRows(rows, "EXEC");
    }

    private static RustyDbException syntax(String message) {
        return new RustyDbException(ErrorCode.SYNTAX_ERROR, message);
    }
}
