package io.directline.customer;

import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Helps a module's {@link OwnersMerged} / {@link OwnerMergeUndone} listener move its rows: one bulk update by owner
 * on merge (recording the ids), and chunked {@code id in (…)} updates on undo.
 */
public final class MovedRows {

    /** Ids per undo statement: well within every driver's limit on parameters. */
    public static final int CHUNK = 500;

    private MovedRows() {}

    /**
     * Moves every row of {@code table} whose {@code column} is {@code merged.from()} to {@code merged.into()}, and
     * records their ids ({@code id} column) for the undo.
     *
     * @param bumpVersion also increments {@code version}, so a screen open on a moved row reloads before it saves
     * @return the number of rows moved
     */
    public static int follow(
            JdbcTemplate jdbc,
            OwnerMerges merges,
            OwnersMerged merged,
            String table,
            String column,
            boolean bumpVersion) {
        var ids = jdbc.queryForList("select id from " + table + " where " + column + " = ?", Long.class, merged.from());
        if (ids.isEmpty()) {
            return 0;
        }
        merges.recordMoved(merged.mergeId(), table, ids);
        return jdbc.update(
                "update " + table + " set " + column + " = ?" + (bumpVersion ? ", version = version + 1" : "")
                        + " where " + column + " = ?",
                merged.into(),
                merged.from());
    }

    /**
     * Moves back exactly the rows of {@code table} that the merge moved (and that are still the survivor's).
     *
     * @return the ids that were recorded for the table
     */
    public static List<Long> goBack(
            JdbcTemplate jdbc,
            OwnerMerges merges,
            OwnerMergeUndone undone,
            String table,
            String column,
            boolean bumpVersion) {
        var ids = merges.movedRows(undone.mergeId(), table);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            var chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            var args = new Object[chunk.size() + 2];
            args[0] = undone.from();
            args[1] = undone.into();
            for (int j = 0; j < chunk.size(); j++) {
                args[j + 2] = chunk.get(j);
            }
            jdbc.update(
                    "update " + table + " set " + column + " = ?" + (bumpVersion ? ", version = version + 1" : "")
                            + " where " + column + " = ? and id in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    args);
        }
        return ids;
    }

    /** Runs {@code work} over {@code ids} in chunks of {@link #CHUNK}. */
    public static void inChunks(List<Long> ids, Consumer<List<Long>> work) {
        for (int i = 0; i < ids.size(); i += CHUNK) {
            work.accept(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
    }
}
