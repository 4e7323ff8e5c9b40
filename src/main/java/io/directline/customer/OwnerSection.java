package io.directline.customer;

import java.util.List;
import java.util.Map;

/**
 * One titled part of the owner page, as a small table: the same data serves the screen and the JSON of
 * {@code GET /api/v1/customers/{id}}.
 *
 * @param key a stable name for API clients ({@code cases}, {@code promises}, {@code escalations})
 * @param title the heading on the screen
 * @param columns the column names, in order; each row has a cell under each
 * @param rows newest or most urgent first, bounded by the section
 * @param whenEmpty the sentence shown when there are no rows
 */
public record OwnerSection(String key, String title, List<String> columns, List<Row> rows, String whenEmpty) {

    public OwnerSection {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One line of a section.
     *
     * @param link the staff screen it opens, or null
     * @param cells the text under each column name, in column order
     */
    public record Row(String link, Map<String, String> cells) {}
}
