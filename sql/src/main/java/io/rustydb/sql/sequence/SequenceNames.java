package io.rustydb.sql.sequence;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.ArrayList;
import java.util.List;

/** Parses a relation name given as text, as PostgreSQL's regclass input does: dots, quotes, case folding. */
final class SequenceNames {
    private SequenceNames() {
    }

    /** {@code [schema, name]} or {@code [name]}; 42602 for a malformed name. */
    static String[] split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = 0;
        String s = text.trim();
        boolean expectPart = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (expectPart && c == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= s.length()) {
                        throw invalid(text);
                    }
                    if (s.charAt(j) == '"') {
                        if (j + 1 < s.length() && s.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(s.charAt(j++));
                }
                i = j + 1;
                expectPart = false;
            } else if (c == '.') {
                if (part.length() == 0) {
                    throw invalid(text);
                }
                parts.add(part.toString());
                part.setLength(0);
                expectPart = true;
                i++;
            } else if (expectPart && c != '"') {
                part.append(Character.toLowerCase(c));
                i++;
            } else {
                throw invalid(text);
            }
        }
        if (part.length() == 0 || parts.size() > 2) {
            throw invalid(text);
        }
        parts.add(part.toString());
        if (parts.size() > 2) {
            throw invalid(text);
        }
        return parts.toArray(new String[0]);
    }

    private static RustyDbException invalid(String text) {
        return new RustyDbException(ErrorCode.INVALID_NAME, "invalid name syntax");
    }
}
