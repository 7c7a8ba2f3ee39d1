package io.rustydb.sql.index;

/**
 * A condition of a WHERE clause an index can serve: {@code column op value}, or
 * {@code column IN (values)}. Values are slots of the array the caller passes at execution
 * (parameters, constants), so one plan serves every execution.
 */
public record ColumnBound(int column, Op op, int[] slots) {

    /** The comparison. */
    public enum Op {
        EQ("="), IN("IN"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator with its operands swapped ({@code 5 < a} is {@code a > 5}). */
        public Op flipped() {
            switch (this) {
                case LT: return GT;
                case LE: return GE;
                case GT: return LT;
                case GE: return LE;
                default: return this;
            }
        }

        boolean isLower() {
            return this == GT || this == GE;
        }

        boolean isUpper() {
            return this == LT || this == LE;
        }
    }

    public static ColumnBound of(int column, Op op, int slot) {
        return new ColumnBound(column, op, new int[] {slot});
    }
}
