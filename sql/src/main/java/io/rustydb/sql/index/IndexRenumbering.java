package io.rustydb.sql.index;

import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.IndexDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives indexes new object ids, i.e. new empty key ranges, for a table that moves to a new key
 * range itself (TRUNCATE, a rebuilding ALTER TABLE): the new entries never mix with the old ones,
 * which are deleted with the old rows.
 */
public final class IndexRenumbering {
    private IndexRenumbering() {
    }

    public static List<IndexDef> fresh(Catalog catalog, List<IndexDef> indexes) {
        List<IndexDef> renumbered = new ArrayList<>();
        for (IndexDef i : indexes) {
            renumbered.add(new IndexDef(catalog.newObjectId(), i.name(), i.columns(), i.unique(), i.primary()));
        }
        return renumbered;
    }
}
