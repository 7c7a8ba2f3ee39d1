package io.rustydb.sql.parser.ddl;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.parser.GenericOption;
import io.rustydb.sql.parser.RustyDbParserUtil;
import io.rustydb.sql.parser.type.ColumnTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A sequence's parameters with PostgreSQL's defaults filled in: an ascending sequence runs from 1
 * to the type's maximum, a descending one from -1 down to the type's minimum, and starts at the end
 * it moves away from.
 *
 * @param type SMALLINT, INTEGER or BIGINT (the default)
 * @param increment the step, never 0
 * @param minValue the lowest value
 * @param maxValue the highest value
 * @param start the first value nextval returns
 * @param cache how many values to allocate at a time, at least 1
 * @param cycle whether the sequence wraps around instead of failing at its end
 */
public record SequenceOptions(DataType type, long increment, long minValue, long maxValue, long start, long cache,
        boolean cycle) {

    /**
     * Resolves {@code CREATE SEQUENCE}'s options: {@code as} (a {@link SqlDataTypeSpec}),
     * {@code increment}, {@code minvalue}, {@code maxvalue} (no value for NO MINVALUE / NO
     * MAXVALUE), {@code start}, {@code cache}, {@code cycle} and {@code owned} (OWNED BY, only
     * checked for repetition), with PostgreSQL's checks.
     */
    public static SequenceOptions resolve(List<GenericOption> options) {
        Map<String, GenericOption> given = new HashMap<>();
        for (GenericOption option : options) {
            if (given.put(option.name(), option) != null) {
                throw option.redundant();
            }
        }
        DataType type = type(given.get("as"));
        long increment = given.containsKey("increment") ? given.get("increment").longValue() : 1;
        if (increment == 0) {
            throw given.get("increment").error(ErrorCode.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
        }
        long typeMin = typeMin(type);
        long typeMax = typeMax(type);
        GenericOption maxOption = given.get("maxvalue");
        GenericOption minOption = given.get("minvalue");
        long maxValue = bound(maxOption, increment > 0 ? typeMax : -1);
        long minValue = bound(minOption, increment > 0 ? 1 : typeMin);
        if (maxValue < typeMin || maxValue > typeMax) {
            throw maxOption.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "MAXVALUE (" + maxValue + ") is out of range for sequence data type " + type.sqlName());
        }
        if (minValue < typeMin || minValue > typeMax) {
            throw minOption.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "MINVALUE (" + minValue + ") is out of range for sequence data type " + type.sqlName());
        }
        if (minValue >= maxValue) {
            throw error(at(minOption, maxOption), "MINVALUE (" + minValue + ") must be less than MAXVALUE ("
                    + maxValue + ")");
        }
        GenericOption startOption = given.get("start");
        long start = startOption != null ? startOption.longValue() : increment > 0 ? minValue : maxValue;
        if (start < minValue) {
            throw error(at(startOption, minOption), "START value (" + start + ") cannot be less than MINVALUE ("
                    + minValue + ")");
        }
        if (start > maxValue) {
            throw error(at(startOption, maxOption), "START value (" + start + ") cannot be greater than MAXVALUE ("
                    + maxValue + ")");
        }
        long cache = given.containsKey("cache") ? given.get("cache").longValue() : 1;
        if (cache <= 0) {
            throw given.get("cache").error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "CACHE (" + cache + ") must be greater than zero");
        }
        boolean cycle = given.containsKey("cycle") && given.get("cycle").booleanValue();
        return new SequenceOptions(type, increment, minValue, maxValue, start, cache, cycle);
    }

    /**
     * ALTER SEQUENCE: the parameters after applying {@code options} to this sequence's, as
     * PostgreSQL's init_params does it (NO MINVALUE / NO MAXVALUE restore the defaults for the
     * direction; AS resets bounds that were the old type's limits), and the value to restart at.
     * Every check of CREATE applies, and the current value ({@code lastValue}, or the RESTART
     * value) must stay within the bounds. 22023 for a violation.
     */
    public Alteration alter(List<GenericOption> options, long lastValue) {
        Map<String, GenericOption> given = new HashMap<>();
        for (GenericOption option : options) {
            given.put(option.name(), option);
        }
        DataType newType = type;
        boolean resetMax = false;
        boolean resetMin = false;
        if (given.containsKey("as")) {
            newType = type(given.get("as"));
            // bounds that were the old type's limits follow the type; chosen ones stay
            resetMax = maxValue == typeMax(type);
            resetMin = minValue == typeMin(type);
        }
        long newIncrement = increment;
        if (given.containsKey("increment")) {
            newIncrement = given.get("increment").longValue();
            if (newIncrement == 0) {
                throw invalid("INCREMENT must not be zero");
            }
        }
        boolean newCycle = given.containsKey("cycle") ? given.get("cycle").booleanValue() : cycle;
        GenericOption maxOption = given.get("maxvalue");
        long newMax = maxValue;
        if (maxOption != null && maxOption.value() != null) {
            newMax = maxOption.longValue();
        } else if (maxOption != null || resetMax) {
            newMax = newIncrement > 0 || resetMax ? typeMax(newType) : -1;
        }
        if (newMax < typeMin(newType) || newMax > typeMax(newType)) {
            throw invalid("MAXVALUE (" + newMax + ") is out of range for sequence data type " + newType.sqlName());
        }
        GenericOption minOption = given.get("minvalue");
        long newMin = minValue;
        if (minOption != null && minOption.value() != null) {
            newMin = minOption.longValue();
        } else if (minOption != null || resetMin) {
            newMin = newIncrement < 0 || resetMin ? typeMin(newType) : 1;
        }
        if (newMin < typeMin(newType) || newMin > typeMax(newType)) {
            throw invalid("MINVALUE (" + newMin + ") is out of range for sequence data type " + newType.sqlName());
        }
        if (newMin >= newMax) {
            throw invalid("MINVALUE (" + newMin + ") must be less than MAXVALUE (" + newMax + ")");
        }
        long newStart = given.containsKey("start") ? given.get("start").longValue() : start;
        if (newStart < newMin) {
            throw invalid("START value (" + newStart + ") cannot be less than MINVALUE (" + newMin + ")");
        }
        if (newStart > newMax) {
            throw invalid("START value (" + newStart + ") cannot be greater than MAXVALUE (" + newMax + ")");
        }
        Long restart = null;
        if (given.containsKey("restart")) {
            GenericOption option = given.get("restart");
            restart = option.value() != null ? option.longValue() : newStart;
        }
        long current = restart != null ? restart : lastValue;
        if (current < newMin) {
            throw invalid("RESTART value (" + current + ") cannot be less than MINVALUE (" + newMin + ")");
        }
        if (current > newMax) {
            throw invalid("RESTART value (" + current + ") cannot be greater than MAXVALUE (" + newMax + ")");
        }
        long newCache = cache;
        if (given.containsKey("cache")) {
            newCache = given.get("cache").longValue();
            if (newCache <= 0) {
                throw invalid("CACHE (" + newCache + ") must be greater than zero");
            }
        }
        return new Alteration(new SequenceOptions(newType, newIncrement, newMin, newMax, newStart, newCache, newCycle),
                restart);
    }

    /**
     * The outcome of ALTER SEQUENCE.
     *
     * @param restart the value nextval returns next (RESTART), or null to keep the sequence's state
     */
    public record Alteration(SequenceOptions options, Long restart) {
    }

    private static RustyDbException invalid(String message) {
        return new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    static long typeMin(DataType type) {
        return switch (type) {
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    static long typeMax(DataType type) {
        return switch (type) {
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    private static DataType type(GenericOption as) {
        if (as == null) {
            return DataType.BIGINT;
        }
        ColumnType type;
        try {
            type = ColumnTypes.of((SqlDataTypeSpec) as.value());
        } catch (RustyDbException e) {
            throw as.error(e);
        }
        return switch (type.type()) {
            case SMALLINT, INTEGER, BIGINT -> type.type();
            default -> throw as.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "sequence type must be smallint, integer, or bigint");
        };
    }

    /** MINVALUE n / MAXVALUE n, or the default for NO MINVALUE / NO MAXVALUE and when absent. */
    private static long bound(GenericOption option, long defaultValue) {
        return option == null || option.value() == null ? defaultValue : option.longValue();
    }

    private static SqlParserPos at(GenericOption first, GenericOption second) {
        return first != null ? first.pos() : second != null ? second.pos() : SqlParserPos.ZERO;
    }

    private static RuntimeException error(SqlParserPos pos, String message) {
        return RustyDbParserUtil.error(pos, new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, message));
    }
}
