package io.directline.servicecenter.center;

import io.directline.servicecenter.CenterDetails;
import io.directline.servicecenter.ServiceCenterRegistry;
import io.directline.servicecenter.ServiceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service centers: kept in the database, changed by admins (API and screen), read by everyone else from the
 * in-memory {@link CenterIndex}, which is rebuilt after each change commits.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCenters implements ServiceCenterRegistry {

    static final int MAX_NAME = 120;
    static final int MAX_HOLIDAYS = 300;
    static final int MAX_SEATS = 1000;
    static final int MAX_RADIUS = 500;
    static final int MAX_VANS = 500;
    static final String COLUMNS = "id, name, street, city, region, postal_code, country, latitude, longitude,"
            + " time_zone, opening_hours, holidays, capacity, mobile_radius_miles, vans, version, updated_by, updated_at";

    private final JdbcClient jdbc;
    private final CenterIndex index;
    private final Clock clock;

    ServiceCenters(JdbcClient jdbc, CenterIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.index = index;
        this.clock = clock;
    }

    /** Every center, by name. */
    public List<ServiceCenter> all() {
        return jdbc.sql("select " + COLUMNS + " from service_center order by name")
                .query(ServiceCenters::center)
                .list();
    }

    public Optional<ServiceCenter> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from service_center where id = :id")
                .param("id", id)
                .query(ServiceCenters::center)
                .optional();
    }

    /** The center, or a 404 problem. */
    public ServiceCenter get(long id) {
        return find(id).orElseThrow(() -> CenterProblems.centerNotFound(id));
    }

    @Override
    public List<String> names() {
        return jdbc.sql("select name from service_center").query(String.class).list();
    }

    @Override
    @Transactional
    public long register(CenterDetails details, String by) {
        return create(details, by).id();
    }

    /** Creates a center; a 400 problem naming the field for bad input, a 409 one when the name is taken. */
    @Transactional
    public ServiceCenter create(CenterDetails details, String by) {
        var valid = validate(details);
        refuseTakenName(valid.name(), null);
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into service_center (name, street, city, region, postal_code, country, latitude, longitude,"
                        + " time_zone, opening_hours, holidays, capacity, mobile_radius_miles, vans, version,"
                        + " updated_by, updated_at) values (:name, :street, :city, :region, :postal, :country, :lat,"
                        + " :lon, :zone, :hours, :holidays, :capacity, :radius, :vans, 0, :by, :now)")
                .params(params(valid, by))
                .update(key, "id");
        rebuildAfterCommit();
        return get(key.getKeyAs(Number.class).longValue());
    }

    /**
     * Changes a center; a 400 problem naming the field for bad input, 404 for an unknown center, 409 when the name is
     * another center's or the center changed since {@code details.version()}.
     */
    @Transactional
    public ServiceCenter update(long id, CenterDetails details, String by) {
        var before = get(id);
        var valid = validate(details);
        refuseTakenName(valid.name(), id);
        var params = params(valid, by);
        params.put("id", id);
        params.put("version", details.version() == null ? before.version() : details.version());
        int updated = jdbc.sql("update service_center set name = :name, street = :street, city = :city, region ="
                        + " :region, postal_code = :postal, country = :country, latitude = :lat, longitude = :lon,"
                        + " time_zone = :zone, opening_hours = :hours, holidays = :holidays, capacity = :capacity,"
                        + " mobile_radius_miles = :radius, vans = :vans, version = version + 1, updated_by = :by,"
                        + " updated_at = :now where id = :id and version = :version")
                .params(params)
                .update();
        if (updated == 0) {
            throw CenterProblems.problem(
                    HttpStatus.CONFLICT,
                    "Changed meanwhile",
                    "Someone changed the service center '" + before.name() + "' meanwhile; look at it again and"
                            + " repeat your change.");
        }
        rebuildAfterCommit();
        return get(id);
    }

    private void rebuildAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    index.rebuild();
                }
            });
        } else {
            index.rebuild();
        }
    }

    private void refuseTakenName(String name, Long except) {
        var other = jdbc.sql("select id from service_center where name = :name")
                .param("name", name)
                .query(Long.class)
                .optional();
        if (other.isPresent() && !other.get().equals(except)) {
            throw CenterProblems.problem(
                    HttpStatus.CONFLICT,
                    "Name taken",
                    "Another service center is called '" + name + "'; give this one a name of its own.");
        }
    }

    private Map<String, Object> params(Valid v, String by) {
        var params = new HashMap<String, Object>();
        params.put("name", v.name());
        params.put("street", v.street());
        params.put("city", v.city());
        params.put("region", v.region());
        params.put("postal", v.postalCode());
        params.put("country", v.country());
        params.put("lat", v.latitude());
        params.put("lon", v.longitude());
        params.put("zone", v.zone().getId());
        params.put(
                "hours",
                v.hours().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";")));
        params.put(
                "holidays",
                v.holidays().isEmpty()
                        ? null
                        : v.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(",")));
        params.put(
                "capacity",
                v.capacity().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";")));
        params.put("radius", v.radius());
        params.put("vans", v.vans());
        params.put("by", by);
        params.put("now", Timestamp.from(clock.instant()));
        return params;
    }

    /** A center's details once checked. */
    record Valid(
            String name,
            String street,
            String city,
            String region,
            String postalCode,
            String country,
            double latitude,
            double longitude,
            ZoneId zone,
            Map<DayOfWeek, Hours> hours,
            TreeSet<LocalDate> holidays,
            Map<ServiceType, Integer> capacity,
            int radius,
            int vans) {}

    /** Checks every field; a 400 problem naming the first that is wrong. */
    static Valid validate(CenterDetails d) {
        if (d == null) {
            throw CenterProblems.invalid("name", "Send a JSON body describing the service center.");
        }
        var name = text(d.name(), "name", MAX_NAME, true);
        var street = text(d.street(), "street", 200, false);
        var city = text(d.city(), "city", 120, true);
        var region = text(d.region(), "region", 120, false);
        var postal = text(d.postalCode(), "postalCode", 20, false);
        var country = d.country() == null || d.country().isBlank()
                ? "US"
                : d.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw CenterProblems.invalid("country", "country is a two-letter code such as US.");
        }
        if (d.latitude() == null || d.latitude().isNaN() || d.latitude() < -90 || d.latitude() > 90) {
            throw CenterProblems.invalid("latitude", "latitude is a number of degrees from -90 to 90.");
        }
        if (d.longitude() == null || d.longitude().isNaN() || d.longitude() < -180 || d.longitude() > 180) {
            throw CenterProblems.invalid("longitude", "longitude is a number of degrees from -180 to 180.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(d.timeZone() == null ? "" : d.timeZone().strip());
        } catch (DateTimeException e) {
            throw CenterProblems.invalid(
                    "timeZone",
                    "timeZone is a time zone such as America/New_York, not '"
                            + CenterProblems.clip(String.valueOf(d.timeZone())) + "'.");
        }
        var hours = new EnumMap<DayOfWeek, Hours>(DayOfWeek.class);
        if (d.openingHours() != null) {
            for (var e : d.openingHours().entrySet()) {
                var day = Arrays.stream(DayOfWeek.values())
                        .filter(w -> e.getKey() != null
                                && w.name().equals(e.getKey().strip().toUpperCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> CenterProblems.invalid(
                                "openingHours",
                                "openingHours names weekdays (MONDAY … SUNDAY), not '"
                                        + CenterProblems.clip(String.valueOf(e.getKey())) + "'."));
                if (e.getValue() == null || e.getValue().isBlank()) {
                    continue; // closed
                }
                var parsed = Hours.parse(e.getValue())
                        .orElseThrow(() -> CenterProblems.invalid(
                                "openingHours",
                                "The opening hours of " + day
                                        + " are written 08:00-18:00 (closing after opening), not '"
                                        + CenterProblems.clip(e.getValue()) + "'."));
                hours.put(day, parsed);
            }
        }
        if (hours.isEmpty()) {
            throw CenterProblems.invalid(
                    "openingHours", "A service center is open on at least one weekday (openingHours).");
        }
        var holidays = new TreeSet<LocalDate>();
        if (d.holidays() != null) {
            for (var day : d.holidays()) {
                if (day == null) {
                    throw CenterProblems.invalid("holidays", "holidays are dates such as 2026-12-25.");
                }
                holidays.add(day);
            }
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            throw CenterProblems.invalid("holidays", "At most " + MAX_HOLIDAYS + " holidays are kept per center.");
        }
        if (holidays.stream().anyMatch(h -> h.getYear() < 2000 || h.getYear() > 2200)) {
            throw CenterProblems.invalid("holidays", "holidays are dates between the years 2000 and 2200.");
        }
        var capacity = new EnumMap<ServiceType, Integer>(ServiceType.class);
        if (d.capacity() != null) {
            for (var e : d.capacity().entrySet()) {
                var type = ServiceType.parse(e.getKey())
                        .orElseThrow(() -> CenterProblems.invalid(
                                "capacity",
                                "capacity is given per service type, one of " + ServiceType.names() + ", not '"
                                        + CenterProblems.clip(String.valueOf(e.getKey())) + "'."));
                int seats = e.getValue() == null ? 0 : e.getValue();
                if (seats < 0 || seats > MAX_SEATS) {
                    throw CenterProblems.invalid(
                            "capacity",
                            "The seats per day for " + type + " are from 0 (not offered) to " + MAX_SEATS + ".");
                }
                if (seats > 0) {
                    capacity.put(type, seats);
                }
            }
        }
        if (capacity.isEmpty()) {
            throw CenterProblems.invalid(
                    "capacity",
                    "A service center offers at least one service with at least one seat a day (capacity).");
        }
        int radius = d.mobileRadiusMiles() == null ? 0 : d.mobileRadiusMiles();
        if (radius < 0 || radius > MAX_RADIUS) {
            throw CenterProblems.invalid(
                    "mobileRadiusMiles", "mobileRadiusMiles is from 0 (no mobile service) to " + MAX_RADIUS + ".");
        }
        int vans = d.vans() == null ? 0 : d.vans();
        if (vans < 0 || vans > MAX_VANS) {
            throw CenterProblems.invalid("vans", "vans is a number from 0 to " + MAX_VANS + ".");
        }
        return new Valid(
                name,
                street,
                city,
                region,
                postal,
                country,
                d.latitude(),
                d.longitude(),
                zone,
                hours,
                holidays,
                capacity,
                radius,
                vans);
    }

    private static String text(String value, String field, int max, boolean required) {
        var trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                throw CenterProblems.invalid(field, field + " is needed (1 to " + max + " characters).");
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw CenterProblems.invalid(field, field + " is at most " + max + " characters.");
        }
        return trimmed;
    }

    static ServiceCenter center(ResultSet rs, int n) throws SQLException {
        var hours = new EnumMap<DayOfWeek, Hours>(DayOfWeek.class);
        for (var part : rs.getString("opening_hours").split(";")) {
            var kv = part.split("=", 2);
            if (kv.length == 2) {
                Hours.parse(kv[1]).ifPresent(h -> hours.put(DayOfWeek.valueOf(kv[0]), h));
            }
        }
        var holidays = new TreeSet<LocalDate>();
        var storedHolidays = rs.getString("holidays");
        if (storedHolidays != null && !storedHolidays.isBlank()) {
            for (var day : storedHolidays.split(",")) {
                holidays.add(LocalDate.parse(day.strip()));
            }
        }
        var capacity = new EnumMap<ServiceType, Integer>(ServiceType.class);
        for (var part : rs.getString("capacity").split(";")) {
            var kv = part.split("=", 2);
            if (kv.length == 2) {
                ServiceType.parse(kv[0]).ifPresent(t -> capacity.put(t, Integer.parseInt(kv[1])));
            }
        }
        return new ServiceCenter(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("street"),
                rs.getString("city"),
                rs.getString("region"),
                rs.getString("postal_code"),
                rs.getString("country"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                ZoneId.of(rs.getString("time_zone")),
                java.util.Collections.unmodifiableMap(hours),
                java.util.Collections.unmodifiableSortedSet(holidays),
                java.util.Collections.unmodifiableMap(capacity),
                rs.getInt("mobile_radius_miles"),
                rs.getInt("vans"),
                rs.getLong("version"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
