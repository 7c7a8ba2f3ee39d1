package io.rustydb.sql.parser;

import io.rustydb.sql.parser.impl.SimpleCharStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Tells the lexer whether a FOR starts a locking clause (FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE,
 * FOR KEY SHARE) by reading the next words from its input, skipping blanks and comments, and
 * putting them all back.
 */
final class LockingClauseLookahead {
    private final SimpleCharStream input;
    private int read;
    private boolean eof;

    private LockingClauseLookahead(SimpleCharStream input) {
        this.input = input;
    }

    /** See {@link RustyDbParserUtil#startsLockingClause}. */
    static boolean startsLockingClause(SimpleCharStream input) {
        LockingClauseLookahead ahead = new LockingClauseLookahead(input);
        try {
            boolean strength = switch (ahead.word()) {
                case "update", "share" -> true;
                case "no" -> ahead.word().equals("key") && ahead.word().equals("update");
                case "key" -> ahead.word().equals("share");
                default -> false;
            };
            int next = ahead.skipBlanksAndComments();
            return strength && (next < 0 || next == ';' || Character.isLetter(next));
        } finally {
            ahead.backup();
        }
    }

    /** The next word, lower case; "" if the next token is something else. */
    private String word() {
        int c = skipBlanksAndComments();
        StringBuilder word = new StringBuilder();
        while (c >= 0 && (Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
            word.append((char) c);
            c = next();
        }
        unread(c);
        return word.toString().toLowerCase(Locale.ROOT);
    }

    /** The first character that is not blank or in a comment, or -1 at the end; it is consumed. */
    private int skipBlanksAndComments() {
        int c = next();
        while (true) {
            if (Character.isWhitespace(c)) {
                c = next();
            } else if (c == '-' && nextIs('-')) {
                while (c >= 0 && c != '\n' && c != '\r') {
                    c = next();
                }
            } else if (c == '/' && nextIs('*')) {
                c = skipBlockComment();
            } else {
                return c;
            }
        }
    }

    /** Skips a (nested) block comment whose opening was read; returns the character after it. */
    private int skipBlockComment() {
        int depth = 1;
        int c = next();
        while (c >= 0 && depth > 0) {
            if (c == '/' && nextIs('*')) {
                depth++;
            } else if (c == '*' && nextIs('/')) {
                depth--;
            }
            c = next();
        }
        return c;
    }

    /** Whether the next character is {@code expected}; it is consumed only if so. */
    private boolean nextIs(char expected) {
        int c = next();
        if (c == expected) {
            return true;
        }
        unread(c);
        return false;
    }

    private int next() {
        if (eof) {
            return -1;
        }
        try {
            char c = input.readChar();
            read++;
            return c;
        } catch (IOException e) {
            eof = true;
            return -1;
        }
    }

    private void unread(int c) {
        if (c >= 0) {
            input.backup(1);
            read--;
        }
    }

    private void backup() {
        input.backup(read);
    }
}
