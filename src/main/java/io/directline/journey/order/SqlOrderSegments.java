package io.directline.journey.order;

import io.directline.journey.Milestone;
import io.directline.journey.OrderSegments;
import io.directline.journey.Segment;
import io.directline.journey.SegmentMember;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segments as SQL over journey_order: each criterion one indexed condition (model, region, postal prefix, current
 * stage, promised delivery window, tags by journey_order_tag), a distance by a latitude/longitude box from
 * journey_order_location_idx checked by the great-circle (haversine) distance; owners counted distinct and paged by
 * their id.
 */
@Component
class SqlOrderSegments implements OrderSegments {

    /** The mean radius of the Earth, in km. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SqlOrderSegments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(Segment segment) {
        var where = where(segment);
        Long count = named.queryForObject(
                "select count(distinct o.customer_id) from journey_order o where " + where.sql,
                where.params,
                Long.class);
        return count == null ? 0 : count;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SegmentMember> page(Segment segment, long afterCustomerId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        var where = where(segment);
        // no DISTINCT: H2 sorts every matching row of the rest of the segment for it (a page of a 400,000-owner
        // segment took seconds); rows in index order stop at the limit, and an owner's further orders are skipped
        var owners = new ArrayList<Long>(limit);
        long after = afterCustomerId;
        while (owners.size() < limit) {
            int wanted = limit - owners.size();
            where.params.addValue("after", after).addValue("limit", wanted);
            var rows = named.queryForList(
                    "select o.customer_id from journey_order o where " + where.sql
                            + " and o.customer_id > :after order by " + where.order + "o.customer_id limit :limit",
                    where.params,
                    Long.class);
            for (long owner : rows) {
                if (owners.isEmpty() || owners.get(owners.size() - 1) != owner) {
                    owners.add(owner);
                }
            }
            if (rows.size() < wanted) {
                break;
            }
            after = rows.get(rows.size() - 1);
        }
        if (owners.isEmpty()) {
            return List.of();
        }
        var milestone = segment.milestone() == null ? Milestone.DELIVERED : segment.milestone();
        // the page's owners are every owner of the segment between its first and last: a range on the index, not a
        // list of 1,000 ids that H2 would test each row against one by one
        where.params
                .addValue("first", owners.get(0))
                .addValue("last", owners.get(owners.size() - 1))
                .addValue("dates", milestone.name());
        var members = new LinkedHashMap<Long, SegmentMember>();
        named.query(
                "select o.customer_id, o.ref, o.model, m.promised_date, m.estimated_date, m.previous_estimate,"
                        + " m.reason from journey_order o left join journey_milestone m"
                        + " on m.order_id = o.id and m.milestone = :dates where " + where.sql
                        + " and o.customer_id between :first and :last order by o.customer_id, o.ref",
                where.params,
                rs -> {
                    long owner = rs.getLong("customer_id");
                    if (!members.containsKey(owner)) {
                        var promised = rs.getObject("promised_date", LocalDate.class);
                        var previous = rs.getObject("previous_estimate", LocalDate.class);
                        members.put(
                                owner,
                                new SegmentMember(
                                        owner,
                                        rs.getString("ref"),
                                        rs.getString("model"),
                                        milestone,
                                        previous == null ? promised : previous,
                                        rs.getObject("estimated_date", LocalDate.class),
                                        rs.getString("reason")));
                    }
                });
        return new ArrayList<>(members.values());
    }

    @Override
    @Transactional
    public void markTold(Collection<String> orderRefs, Milestone milestone, String source, Instant at) {
        // one statement per order, batched: each finds its row by journey_order_ref_uk and the milestone's key
        var told = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.batchUpdate(
                "update journey_milestone set told_estimate = estimated_date, told_at = ?, told_source = ?"
                        + " where order_id = (select id from journey_order where ref = ?) and milestone = ?",
                List.copyOf(orderRefs),
                OrderStore.CHUNK,
                (ps, ref) -> {
                    ps.setObject(1, told);
                    ps.setString(2, source);
                    ps.setString(3, ref);
                    ps.setString(4, milestone.name());
                });
    }

    /**
     * @param order the columns a criterion fixes to one value, before {@code o.customer_id} in a page's order: H2 reads
     *     an index in order only when the ORDER BY names its leading columns too (with {@code order by customer_id}
     *     alone it read and sorted the whole rest of a 400,000-owner segment for every page of 1,000)
     */
    private record Where(String sql, MapSqlParameterSource params, String order) {}

    /** The segment's criteria as conditions on {@code o} (journey_order), all of which must hold. */
    static Where where(Segment s) {
        var sql = new ArrayList<String>();
        var params = new MapSqlParameterSource();
        String order = "";
        sql.add("1 = 1");
        if (present(s.model())) {
            sql.add("o.model = :model");
            params.addValue("model", s.model().strip());
            order = "o.model, ";
        }
        if (present(s.region())) {
            sql.add("o.delivery_region = :region");
            params.addValue("region", s.region().strip());
            order = order.isEmpty() ? "o.delivery_region, " : order;
        }
        if (present(s.postalPrefix())) {
            sql.add("o.delivery_postal_code like :postal escape '\\'");
            params.addValue(
                    "postal",
                    s.postalPrefix()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        if (s.latitude() != null && s.longitude() != null && s.withinKm() != null) {
            distance(s.latitude(), s.longitude(), s.withinKm(), sql, params);
        }
        if (s.milestone() != null) {
            sql.add("o.current_milestone = :stage");
            params.addValue("stage", s.milestone().name());
            order = order.isEmpty() ? "o.current_milestone, " : order;
        }
        if (s.promisedFrom() != null) {
            sql.add("o.promised_delivery >= :promisedFrom");
            params.addValue("promisedFrom", s.promisedFrom());
        }
        if (s.promisedTo() != null) {
            sql.add("o.promised_delivery <= :promisedTo");
            params.addValue("promisedTo", s.promisedTo());
        }
        int n = 0;
        for (var tag : s.tags()) {
            if (present(tag)) {
                sql.add("exists (select 1 from journey_order_tag t" + n + " where t" + n + ".order_id = o.id and t" + n
                        + ".tag = :tag" + n + ")");
                params.addValue("tag" + n, tag.strip());
                n++;
            }
        }
        return new Where(String.join(" and ", sql), params, order);
    }

    /**
     * Within {@code km} of a point: a box of latitudes and longitudes the index narrows to (wrapping at the date line,
     * unbounded in longitude near a pole), then the great-circle distance.
     */
    private static void distance(double lat, double lon, double km, List<String> sql, MapSqlParameterSource params) {
        double radius = Math.max(0, km);
        double dLat = radius / KM_PER_DEGREE;
        sql.add("o.delivery_latitude between :latMin and :latMax");
        params.addValue("latMin", lat - dLat).addValue("latMax", lat + dLat);
        double cos = Math.cos(Math.toRadians(lat));
        if (lat + dLat < 90 && lat - dLat > -90 && cos > 1e-9) {
            double dLon = radius / (KM_PER_DEGREE * cos);
            if (dLon < 180) {
                double west = lon - dLon;
                double east = lon + dLon;
                if (west < -180) {
                    sql.add("(o.delivery_longitude >= :lonWest or o.delivery_longitude <= :lonEast)");
                    params.addValue("lonWest", west + 360).addValue("lonEast", east);
                } else if (east > 180) {
                    sql.add("(o.delivery_longitude >= :lonWest or o.delivery_longitude <= :lonEast)");
                    params.addValue("lonWest", west).addValue("lonEast", east - 360);
                } else {
                    sql.add("o.delivery_longitude between :lonWest and :lonEast");
                    params.addValue("lonWest", west).addValue("lonEast", east);
                }
            }
        }
        sql.add("2 * " + EARTH_RADIUS_KM + " * asin(sqrt(least(1.0,"
                + " power(sin(radians(o.delivery_latitude - :lat) / 2), 2)"
                + " + cos(radians(:lat)) * cos(radians(o.delivery_latitude))"
                + " * power(sin(radians(o.delivery_longitude - :lon) / 2), 2)))) <= :km");
        params.addValue("lat", lat).addValue("lon", lon).addValue("km", radius);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
