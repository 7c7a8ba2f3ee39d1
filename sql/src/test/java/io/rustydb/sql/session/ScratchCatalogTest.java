package io.rustydb.sql.session;

import io.rustydb.sql.SqlSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchCatalogTest {
    @Test
    void run(@TempDir Path dir) throws Exception {
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            SessionHarness.run(s, "create table accounts(id int primary key, name varchar(40) not null, balance numeric(12,2) default 0, created timestamp)");
            SessionHarness.run(s, "create view v1 as select id from accounts");
            Object oid = SessionHarness.run(s, "select oid from pg_catalog.pg_class where relname = 'accounts'").rows();
            System.out.println("OID " + oid);
            String all = Files.readString(Path.of("/tmp/hA-q/" + System.getProperty("qfile", "all.sql") + ""));
            int i = 0;
            for (String q : all.split("\n-- next\n")) {
                i++;
                q = q.replace("'16385'", "'16384'").replace("$1", "'public'").replace("$2", "'accounts'").replace("$3", "'%'");
                try {
                    System.out.println("Q" + i + " OK " + SessionHarness.run(s, q).rows());
                } catch (Exception e) {
                    System.out.println("Q" + i + " FAIL " + e);
                    if (System.getenv("QDEBUG") != null && System.getenv("QDEBUG").equals("" + i)) {
                        java.lang.reflect.Method m = Class.forName("io.rustydb.sql.parser.PgCatalogSyntax").getDeclaredMethod("rewrite", String.class);
                        m.setAccessible(true);
                        System.out.println("REWRITTEN " + m.invoke(null, q));
                        e.printStackTrace(System.out);
                    }
                }
            }
        }
    }
}
