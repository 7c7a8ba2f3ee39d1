package io.rustydb.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlWriter;

/** The one change an {@link SqlAlterTable} makes. */
public sealed interface AlterTableAction {

    /** Writes the action as SQL, after {@code ALTER TABLE name}. */
    void unparse(SqlWriter writer);

    /** {@code ADD [COLUMN] [IF NOT EXISTS] column}, the column declared as in CREATE TABLE. */
    record AddColumn(SqlColumnDeclaration column, boolean ifNotExists) implements AlterTableAction {
        @Override
        public void unparse(SqlWriter writer) {
            writer.keyword("ADD COLUMN");
            if (ifNotExists) {
                writer.keyword("IF NOT EXISTS");
            }
            column.unparse(writer, 0, 0);
        }
    }

    /** {@code DROP [COLUMN] [IF EXISTS] column [CASCADE | RESTRICT]}. */
    record DropColumn(SqlIdentifier column, boolean ifExists, boolean cascade) implements AlterTableAction {
        public String columnName() {
            return column.getSimple();
        }

        @Override
        public void unparse(SqlWriter writer) {
            writer.keyword("DROP COLUMN");
            if (ifExists) {
                writer.keyword("IF EXISTS");
            }
            column.unparse(writer, 0, 0);
            if (cascade) {
                writer.keyword("CASCADE");
            }
        }
    }

    /** {@code RENAME TO newName}. */
    record RenameTable(SqlIdentifier newName) implements AlterTableAction {
        public String newNameString() {
            return newName.getSimple();
        }

        @Override
        public void unparse(SqlWriter writer) {
            writer.keyword("RENAME TO");
            newName.unparse(writer, 0, 0);
        }
    }

    /** {@code RENAME [COLUMN] column TO newName}. */
    record RenameColumn(SqlIdentifier column, SqlIdentifier newName) implements AlterTableAction {
        public String columnName() {
            return column.getSimple();
        }

        public String newNameString() {
            return newName.getSimple();
        }

        @Override
        public void unparse(SqlWriter writer) {
            writer.keyword("RENAME COLUMN");
            column.unparse(writer, 0, 0);
            writer.keyword("TO");
            newName.unparse(writer, 0, 0);
        }
    }

    /** {@code ADD [CONSTRAINT name] PRIMARY KEY (a, ...)} or {@code ... UNIQUE (a, ...)}. */
    record AddConstraint(SqlTableConstraint constraint) implements AlterTableAction {
        @Override
        public void unparse(SqlWriter writer) {
            writer.keyword("ADD");
            constraint.unparse(writer, 0, 0);
        }
    }

    /** {@code ADD [CONSTRAINT name] FOREIGN KEY (a, ...) REFERENCES t [(b, ...)]}. */
    record AddForeignKey(SqlForeignKeyConstraint foreignKey) implements AlterTableAction {
        @Override
        public void unparse(SqlWriter writer) {
            writer.keyword("ADD");
            foreignKey.unparse(writer, 0, 0);
        }
    }
}
