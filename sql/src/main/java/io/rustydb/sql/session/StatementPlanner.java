package io.rustydb.sql.session;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.admin.KillSessionPlan;
import io.rustydb.sql.admin.KillSessionStatement;
import io.rustydb.sql.command.AlterTablePlan;
import io.rustydb.sql.command.CreateIndexPlan;
import io.rustydb.sql.command.CreateTablePlan;
import io.rustydb.sql.command.DropIndexPlan;
import io.rustydb.sql.command.ExplainPlan;
import io.rustydb.sql.command.DropTablePlan;
import io.rustydb.sql.command.SettingPlan;
import io.rustydb.sql.command.TransactionControlPlan;
import io.rustydb.sql.command.TruncatePlan;
import io.rustydb.sql.command.VacuumPlan;
import io.rustydb.sql.command.ViewPlan;
import io.rustydb.sql.exec.copy.CopyPlanner;
import io.rustydb.sql.parser.copy.SqlCopy;
import io.rustydb.sql.parser.dml.SqlReturning;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate;
import io.rustydb.sql.parser.dml.SqlTruncate;
import io.rustydb.sql.parser.utility.SqlAnalyze;
import io.rustydb.sql.parser.utility.SqlExplainStatement;
import io.rustydb.sql.parser.utility.SqlVacuum;
import io.rustydb.sql.exec.DeletePlan;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.ForUpdatePlan;
import io.rustydb.sql.exec.InsertPlan;
import io.rustydb.sql.exec.PointSelectPlan;
import io.rustydb.sql.exec.QueryPlan;
import io.rustydb.sql.exec.ReturningPlan;
import io.rustydb.sql.exec.RowWritingPlan;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.SessionControl;
import io.rustydb.sql.exec.StatementPlan;
import io.rustydb.sql.exec.UpdatePlan;
import io.rustydb.sql.parser.RustyDbParser;
import io.rustydb.sql.parser.ddl.SqlAlterTable;
import io.rustydb.sql.parser.ddl.SqlCreateIndex;
import io.rustydb.sql.parser.ddl.SqlCreateTable;
import io.rustydb.sql.parser.ddl.SqlDropIndex;
import io.rustydb.sql.parser.ddl.SqlDropTable;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/** Chooses the plan class for one statement: one class per kind of statement. */
final class StatementPlanner {
    private StatementPlanner() {
    }

    /** INSERT / UPDATE / DELETE ... RETURNING: the statement's plan plus its RETURNING list. */
    private static StatementPlan returning(EngineContext engine, SessionControl session, String text,
            SqlReturning node, List<DataType> declared) {
        java.util.function.Supplier<SqlReturning> fresh = () -> (SqlReturning) RustyDbParser.parseStatement(text);
        SqlNode dml = node.dml();
        RowWritingPlan plan;
        String alias;
        if (dml instanceof SqlInsert insert) {
            plan = InsertPlan.create(engine, () -> (SqlInsert) fresh.get().dml(), declared);
            alias = Tables.simpleName((org.apache.calcite.sql.SqlIdentifier) insert.getTargetTable());
        } else if (dml instanceof io.rustydb.sql.parser.dml.SqlUpdateFrom updateFrom) {
            plan = io.rustydb.sql.exec.UpdateFromPlan.create(engine,
                    () -> (io.rustydb.sql.parser.dml.SqlUpdateFrom) fresh.get().dml(), declared);
            SqlUpdate update = updateFrom.update();
            alias = update.getAlias() != null ? update.getAlias().getSimple()
                    : Tables.simpleName((org.apache.calcite.sql.SqlIdentifier) update.getTargetTable());
        } else if (dml instanceof SqlUpdate update) {
            plan = UpdatePlan.create(engine, () -> (SqlUpdate) fresh.get().dml(), declared);
            alias = update.getAlias() != null ? update.getAlias().getSimple()
                    : Tables.simpleName((org.apache.calcite.sql.SqlIdentifier) update.getTargetTable());
        } else if (dml instanceof io.rustydb.sql.parser.dml.SqlDeleteUsing) {
            return ReturningPlan.evaluatedBy(io.rustydb.sql.exec.DeleteUsingPlan.create(engine,
                    () -> (io.rustydb.sql.parser.dml.SqlDeleteUsing) fresh.get().dml(),
                    () -> fresh.get().returningList(), declared));
        } else if (dml instanceof SqlDelete delete) {
            plan = DeletePlan.create(engine, () -> (SqlDelete) fresh.get().dml(), declared);
            alias = delete.getAlias() != null ? delete.getAlias().getSimple()
                    : Tables.simpleName((org.apache.calcite.sql.SqlIdentifier) delete.getTargetTable());
        } else {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "RETURNING on this statement");
        }
        return ReturningPlan.create(engine, plan, alias, () -> fresh.get().returningList(), declared);
    }

    /**
     * Plans {@code text} (a single statement). Plans that need a syntax tree more than once get
     * fresh parses of the text, since validation rewrites trees in place.
     */
    static StatementPlan plan(EngineContext engine, SessionControl session, String text, List<DataType> declared) {
        java.util.Optional<KillSessionStatement> kill = KillSessionStatement.recognize(text);
        if (kill.isPresent()) {
            return new KillSessionPlan(kill.get());
        }
        java.util.Optional<io.rustydb.sql.admin.ExecStatement> exec = io.rustydb.sql.admin.ExecStatement.recognize(text);
        if (exec.isPresent()) {
            return new io.rustydb.sql.admin.ExecPlan(exec.get(), engine.admin());
        }
        SqlNode node = RustyDbParser.parseStatement(text);
        if (node instanceof SqlSelectForUpdate) {
            return ForUpdatePlan.create(engine, () -> (SqlSelectForUpdate) RustyDbParser.parseStatement(text), declared);
        }
        if (node instanceof SqlReturning returning) {
            return returning(engine, session, text, returning, declared);
        }
        if (node instanceof SqlInsert) {
            return InsertPlan.create(engine, () -> (SqlInsert) RustyDbParser.parseStatement(text), declared);
        }
        if (node instanceof io.rustydb.sql.parser.dml.SqlUpdateFrom) {
            return io.rustydb.sql.exec.UpdateFromPlan.create(engine,
                    () -> (io.rustydb.sql.parser.dml.SqlUpdateFrom) RustyDbParser.parseStatement(text), declared);
        }
        if (node instanceof SqlUpdate) {
            return UpdatePlan.create(engine, () -> (SqlUpdate) RustyDbParser.parseStatement(text), declared);
        }
        if (node instanceof io.rustydb.sql.parser.dml.SqlDeleteUsing) {
            return io.rustydb.sql.exec.DeleteUsingPlan.create(engine,
                    () -> (io.rustydb.sql.parser.dml.SqlDeleteUsing) RustyDbParser.parseStatement(text), null, declared);
        }
        if (node instanceof SqlDelete) {
            return DeletePlan.create(engine, () -> (SqlDelete) RustyDbParser.parseStatement(text), declared);
        }
        if (node instanceof SqlCreateTable create) {
            return new CreateTablePlan(engine, create);
        }
        if (node instanceof SqlDropTable drop) {
            return new DropTablePlan(engine, drop);
        }
        if (node instanceof SqlCreateIndex createIndex) {
            return new CreateIndexPlan(engine, createIndex);
        }
        if (node instanceof SqlDropIndex dropIndex) {
            return new DropIndexPlan(engine, dropIndex);
        }
        if (io.rustydb.sql.command.SequencePlan.handles(node)) {
            return new io.rustydb.sql.command.SequencePlan(engine, node);
        }
        if (ViewPlan.handles(node)) {
            return new ViewPlan(engine, node);
        }
        if (node instanceof SqlExplainStatement explain) {
            String inner = explain.statement().toSqlString(PostgresqlSqlDialect.DEFAULT).getSql();
            if (explain.analyze()) {
                return io.rustydb.sql.exec.ExplainAnalyze.create(engine, plan(engine, session, inner, declared),
                        () -> RustyDbParser.parseStatement(inner), declared);
            }
            return new ExplainPlan(plan(engine, session, inner, declared));
        }
        if (node instanceof SqlCopy copy) {
            return CopyPlanner.plan(engine, copy);
        }
        if (node instanceof SqlAlterTable alter) {
            return new AlterTablePlan(engine, alter);
        }
        if (node instanceof SqlTruncate truncate) {
            return new TruncatePlan(engine, truncate);
        }
        if (node instanceof SqlVacuum vacuum) {
            return new VacuumPlan(engine, vacuum.tables(), true, vacuum.analyze(), vacuum.verbose());
        }
        if (node instanceof SqlAnalyze analyze) {
            return new VacuumPlan(engine, analyze.tables(), false, true, analyze.verbose());
        }
        if (TransactionControlPlan.handles(node)) {
            return new TransactionControlPlan(node);
        }
        if (SettingPlan.handles(node)) {
            return new SettingPlan(node, session);
        }
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            PointSelectPlan point = PointSelectPlan.tryCreate(engine, () -> RustyDbParser.parseStatement(text), declared);
            return point != null ? point : QueryPlan.create(engine, () -> RustyDbParser.parseStatement(text), declared);
        }
        throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                node.getKind().sql.toLowerCase(Locale.ROOT).replace('_', ' ') + " statements");
    }
}
