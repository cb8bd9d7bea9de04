package org.dailypapers.paper;

import java.util.List;

/** What an upsert did: papers new to the catalog, papers that changed, records that changed nothing. */
public record UpsertOutcome(int imported, int updated, int skipped, List<ArxivId> changedIds) {

    public static final UpsertOutcome NONE = new UpsertOutcome(0, 0, 0, List.of());

    public UpsertOutcome plus(UpsertOutcome other) {
        var ids = new java.util.ArrayList<ArxivId>(changedIds);
        ids.addAll(other.changedIds);
        return new UpsertOutcome(imported + other.imported, updated + other.updated, skipped + other.skipped, ids);
    }
}
