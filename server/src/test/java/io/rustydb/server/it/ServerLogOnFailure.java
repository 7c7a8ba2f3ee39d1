package io.rustydb.server.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the log tail of every running {@link RustyDbProcess} when a test fails. */
public final class ServerLogOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (RustyDbProcess server : RustyDbProcess.running()) {
            System.out.println("==== " + context.getDisplayName() + " failed; " + server + "\n"
                    + server.logTail(60));
        }
    }
}
