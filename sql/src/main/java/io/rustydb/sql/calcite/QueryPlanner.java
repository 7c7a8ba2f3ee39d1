package io.rustydb.sql.calcite;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.sql.ResultColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Programs;

/**
 * Validates a query's syntax tree against the catalog, converts it to relational algebra,
 * optimizes it with Calcite's Volcano planner and compiles it to Java (Enumerable convention).
 */
public final class QueryPlanner {
    public static final String DEFAULT_SCHEMA = "public";
    /** The schema of the system catalogs and catalog functions (see io.rustydb.sql.pgcatalog). */
    public static final String PG_CATALOG = "pg_catalog";

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory = new PgTypeFactory(RustyDbTypeSystem.INSTANCE);
    private final CalciteCatalogReader catalogReader;
    private final SqlOperatorTable operators;

    public QueryPlanner(CatalogSchema publicSchema) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        root.add(DEFAULT_SCHEMA, publicSchema);
        this.rootSchema = root.plus();
        Properties props = new Properties();
        props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        props.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), NullCollation.HIGH.name());
        CalciteConnectionConfigImpl config = new CalciteConnectionConfigImpl(props);
        // Unqualified names are looked up in public, then pg_catalog (where the system catalogs and
        // catalog functions live), then the root.
        this.catalogReader = new CalciteCatalogReader(root, SqlNameMatchers.withCaseSensitive(true),
                List.of(List.of(DEFAULT_SCHEMA), List.of(PG_CATALOG), List.of()), typeFactory, config) {
        };
        this.operators = new PgOperatorTable(new CaseInsensitiveOperators(SqlOperatorTables.chain(
                SqlStdOperatorTable.instance(),
                SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL),
                io.rustydb.sql.sequence.SequenceFunctions.operatorTable(),
                io.rustydb.sql.monitoring.MetricFunctions.operatorTable(),
                io.rustydb.sql.admin.BackendFunctions.operatorTable(), catalogReader)));
    }

    public SchemaPlus rootSchema() {
        return rootSchema;
    }

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    /** A fresh validator (validators keep per-statement state). */
    public SqlValidator newValidator() {
        return SqlValidatorUtil.newValidator(operators, catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(io.rustydb.sql.parser.RustyDbParser.conformance())
                        .withDefaultNullCollation(NullCollation.HIGH)
                        .withIdentifierExpansion(true));
    }

    /** The validated type of every dynamic parameter, by index; 42P18 if one could not be inferred. */
    private static List<ColumnType> slotTypes(SqlValidator validator, SqlNode validated) {
        TreeMap<Integer, ColumnType> types = new TreeMap<>();
        validated.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                RelDataType type = validator.getValidatedNodeTypeIfKnown(param);
                if (type == null || type.getSqlTypeName() == SqlTypeName.UNKNOWN
                        || type.getSqlTypeName() == SqlTypeName.NULL) {
                    throw new RustyDbException(ErrorCode.INDETERMINATE_DATATYPE, String.valueOf(param.getIndex() + 1));
                }
                types.put(param.getIndex(), TypeMapping.columnType(type));
                return null;
            }
        });
        List<ColumnType> list = new ArrayList<>();
        int count = types.isEmpty() ? 0 : types.lastKey() + 1;
        for (int i = 0; i < count; i++) {
            list.add(types.get(i));
        }
        return list;
    }

    /**
     * Plans and compiles a query. {@code columnNames} are the labels of the select items as
     * PostgreSQL names them ({@link ColumnLabels#ofQuery}, null for a {@code *}), or null to
     * label the validated query.
     */
    public CompiledQuery compile(SqlNode query, List<String> columnNames) {
        return compile(query, columnNames, null);
    }

    /**
     * Plans and compiles a query for EXPLAIN ANALYZE: the compiled plan counts rows and time per
     * operator into {@code stats} (keyed by the operators of the returned plan's physical tree).
     */
    public AnalyzedQuery compileAnalyzed(SqlNode query, List<String> columnNames) {
        AnalyzedQuery analyzed = new AnalyzedQuery();
        analyzed.compiled = compile(query, columnNames, analyzed);
        return analyzed;
    }

    /** A query compiled with a probe above every operator, and what the probes measure. */
    public static final class AnalyzedQuery {
        private CompiledQuery compiled;
        private RelNode physical;
        /** The probes' figures per operator occurrence, in preorder. */
        private final List<OperatorStats> stats = new ArrayList<>();

        public CompiledQuery compiled() {
            return compiled;
        }

        /** The plan as EXPLAIN shows it, each operator's line followed by its measured rows, loops and time. */
        public List<String> lines() {
            List<String> text = List.of(RelOptUtil.toString(physical, SqlExplainLevel.ALL_ATTRIBUTES).split("\\R"));
            List<RelNode> order = new ArrayList<>();
            preorder(physical, order);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                OperatorStats s = i < order.size() && i < stats.size() ? stats.get(i) : null;
                out.add(s == null ? text.get(i) : text.get(i) + String.format(java.util.Locale.ROOT,
                        " (actual rows=%d loops=%d time=%.3f ms)", s.rows(), s.loops(), s.millis()));
            }
            return out;
        }

        /** The plan as operators with their estimates and what the probes measured so far. */
        public io.rustydb.monitoring.statements.PlanNode tree() {
            return describe(physical, stats);
        }

        private static void preorder(RelNode node, List<RelNode> out) {
            out.add(node);
            for (RelNode input : node.getInputs()) {
                preorder(input, out);
            }
        }
    }

    private CompiledQuery compile(SqlNode query, List<String> columnNames, AnalyzedQuery analyzed) {
        SqlValidator validator = newValidator();
        List<org.apache.calcite.sql.parser.SqlParserPos> stars = ColumnLabels.starPositions(query);
        SqlNode validated = validator.validate(query.accept(new PgRewriter()));
        RelDataType rowType = validator.getValidatedNodeType(validated);

        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        RelOptUtil.registerDefaultRules(planner, false, false);
        // ORDER BY ... LIMIT n keeps the n first rows in a bounded heap instead of sorting them all
        // (only when the input is not in that order already: Volcano compares costs by rows alone,
        // so it would take the heap over a scan that stops after n rows)
        planner.addRule(org.apache.calcite.adapter.enumerable.EnumerableLimitSortRule.Config.DEFAULT
                .withOperandSupplier(b -> b.operand(org.apache.calcite.rel.logical.LogicalSort.class)
                        .predicate(QueryPlanner::topNOfUnsortedInput).anyInputs())
                .as(org.apache.calcite.adapter.enumerable.EnumerableLimitSortRule.Config.class).toRule());
        NumericKeys.register(planner);
        planner.addRule(IndexScanRule.FILTER);
        planner.addRule(IndexScanRule.PROJECT_FILTER);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter((type, sql, schemaPath, viewPath) -> {
            throw new UnsupportedOperationException("views");
        }, validator, catalogReader, cluster, PgConvertlets.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode logical = new PgRexRewriter(cluster.getRexBuilder()).rewrite(root.project());
        // The planner asks for simple traits: a one-row VALUES of several literal columns is sorted on
        // every column suffix, a composite collation trait, so keep just its first collation (as
        // Calcite's own Prepare does with RelTraitSet.simplify()).
        RelTraitSet desired = logical.getTraitSet().replace(EnumerableConvention.INSTANCE).simplify();
        RelNode physical = NumericKeys.rewrite(Programs.standard().run(planner, logical, desired, List.of(), List.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> stashed = new HashMap<>();
        RelNode executed = physical;
        if (analyzed != null) {
            analyzed.physical = physical;
            executed = InstrumentedRel.instrument(physical, analyzed.stats);
        }
        Bindable<Object> compiled = (Bindable<Object>) (Bindable<?>) EnumerableInterpretable.toBindable(
                stashed, null, (EnumerableRel) executed, EnumerableRel.Prefer.ARRAY);
        Bindable<Object> bindable = stashed.isEmpty() ? compiled
                : context -> compiled.bind(((ExecutionContext) context).withStashed(stashed));

        List<ResultColumn> columns = new ArrayList<>();
        List<RelDataTypeField> fields = rowType.getFieldList();
        List<String> labels = ColumnLabels.resolve(validator, validated, columnNames, stars, rowType.getFieldNames());
        for (int i = 0; i < fields.size(); i++) {
            columns.add(new ResultColumn(labels.get(i), TypeMapping.columnType(fields.get(i).getType()), 0, 0));
        }
        return new CompiledQuery(bindable, columns, slotTypes(validator, validated),
                RelOptUtil.toString(physical, SqlExplainLevel.ALL_ATTRIBUTES), describe(physical, null),
                advise(physical));
    }

    /**
     * The plan as a tree for the profiler and the slow-query log; null (logged) if it cannot be
     * described, which must not fail the query.
     */
    private static io.rustydb.monitoring.statements.PlanNode describe(RelNode physical,
            List<OperatorStats> stats) {
        try {
            return PlanTrees.of(physical, stats);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(QueryPlanner.class).warn("Cannot describe a plan for the profiler", e);
            return null;
        }
    }

    private static String advise(RelNode physical) {
        try {
            return IndexAdvice.of(physical);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(QueryPlanner.class).warn("Cannot read index advice from a plan", e);
            return null;
        }
    }

    /** A Sort with a row limit whose input does not already come in the requested order. */
    private static boolean topNOfUnsortedInput(org.apache.calcite.rel.core.Sort sort) {
        if (sort.fetch == null) {
            return false;
        }
        var collations = sort.getCluster().getMetadataQuery().collations(sort.getInput());
        if (collations != null) {
            for (org.apache.calcite.rel.RelCollation collation : collations) {
                if (collation.satisfies(sort.getCollation())) {
                    return false;
                }
            }
        }
        return true;
    }
}
