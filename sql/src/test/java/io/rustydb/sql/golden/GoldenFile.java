package io.rustydb.sql.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed golden file: its statements, each with the expected rows or SQLSTATE. The format is
 * described in {@code src/test/resources/golden/README.md}.
 */
record GoldenFile(List<Entry> entries) {

    /**
     * One statement. {@code rows} is null when no rows are expected (a statement that returns none),
     * {@code sqlState} null unless the statement must fail.
     */
    record Entry(int line, String sql, List<String> rows, String sqlState) {
    }

    static GoldenFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                i++;
                continue;
            }
            if (trimmed.startsWith(">") || trimmed.startsWith("!")) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expectation without a statement");
            }
            int start = i + 1;
            StringBuilder sql = new StringBuilder();
            while (true) {
                if (i >= lines.length) {
                    throw new IllegalArgumentException("line " + start + ": statement does not end with ';'");
                }
                sql.append(sql.length() == 0 ? "" : "\n").append(lines[i]);
                if (lines[i].strip().endsWith(";")) {
                    i++;
                    break;
                }
                i++;
            }
            List<String> rows = null;
            String sqlState = null;
            while (i < lines.length && (lines[i].startsWith(">") || lines[i].startsWith("!"))) {
                String l = lines[i];
                if (l.startsWith("!")) {
                    sqlState = l.substring(1).strip();
                } else {
                    if (rows == null) {
                        rows = new ArrayList<>();
                    }
                    String row = l.equals(">") ? "" : l.substring(2);
                    if (!row.equals("(0 rows)")) {
                        rows.add(row);
                    }
                }
                i++;
            }
            entries.add(new Entry(start, sql.toString(), rows, sqlState));
        }
        return new GoldenFile(entries);
    }
}
