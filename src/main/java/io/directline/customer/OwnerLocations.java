package io.directline.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Where owners live, read in pages by id for analyses over every owner (the service centers' coverage): each page is
 * one indexed range of the primary key handed row by row to a callback, so a caller going through a million owners
 * holds one row at a time and no transaction open between pages.
 */
@Service
public class OwnerLocations {

    /** One owner with coordinates, as the page reads it; {@code region} may be null. */
    @FunctionalInterface
    public interface Sink {
        void owner(long id, double latitude, double longitude, String region);
    }

    private final JdbcTemplate jdbc;

    OwnerLocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many owners have both coordinates. */
    public long countLocated() {
        Long n = jdbc.queryForObject(
                "select count(*) from customer where latitude is not null and longitude is not null", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Hands the owners with coordinates whose id is above {@code afterId} to {@code sink}, in id order, at most
     * {@code limit} of them.
     *
     * @return the last id handed over, or {@code afterId} when there was none (the end)
     */
    public long page(long afterId, int limit, Sink sink) {
        long[] last = {afterId};
        jdbc.query(
                "select id, latitude, longitude, region from customer where id > ? and latitude is not null"
                        + " and longitude is not null order by id limit ?",
                rs -> {
                    last[0] = rs.getLong(1);
                    sink.owner(last[0], rs.getDouble(2), rs.getDouble(3), rs.getString(4));
                },
                afterId,
                limit);
        return last[0];
    }
}
