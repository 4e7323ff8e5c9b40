package io.directline.servicecenter.center;

import io.directline.identity.DirectLineUser;
import io.directline.servicecenter.CenterDetails;
import io.directline.servicecenter.ServiceType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Service centers",
        description = "Service centers (staff read, admins change) and the nearest centers with room for a service.")
@RestController
class CenterApiController {

    private final ServiceCenters centers;
    private final Routing routing;
    private final ServiceCenterProperties properties;

    CenterApiController(ServiceCenters centers, Routing routing, ServiceCenterProperties properties) {
        this.centers = centers;
        this.routing = routing;
        this.properties = properties;
    }

    @Operation(summary = "Every service center, by name")
    @GetMapping("/api/v1/service-centers")
    List<ServiceCenter> list() {
        return centers.all();
    }

    @Operation(
            summary = "The nearest centers with room",
            description = "The centers nearest to lat/lon (great-circle distance) that offer the service and have a"
                    + " free seat from tomorrow to days ahead (default 14), nearest first, each with its distance in"
                    + " miles and km, its first free days and whether its mobile service reaches the point. 400 for a"
                    + " coordinate out of range, an unknown service (the answer lists the types) or days out of range.")
    @GetMapping("/api/v1/service-centers/nearest")
    List<Routing.Nearby> nearest(
            @RequestParam double lat,
            @RequestParam double lon,
            @RequestParam String service,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) Integer limit) {
        var query = NearestQuery.check(lat, lon, service, days, limit, properties);
        return routing.nearest(query.lat(), query.lon(), query.service(), query.days(), query.limit());
    }

    @Operation(summary = "One service center")
    @GetMapping("/api/v1/service-centers/{id}")
    ServiceCenter get(@PathVariable long id) {
        return centers.get(id);
    }

    @Operation(
            summary = "Add a service center (admins)",
            description = "openingHours per weekday as 08:00-18:00 (a day left out is closed), holidays as ISO dates,"
                    + " capacity as seats per day per service type (TYRES, BODY, BATTERY, SOFTWARE, MAINTENANCE)."
                    + " 409 when the name is taken.")
    @PostMapping("/api/v1/service-centers")
    ResponseEntity<ServiceCenter> create(
            @AuthenticationPrincipal DirectLineUser user, @RequestBody(required = false) CenterDetails details) {
        return ResponseEntity.status(HttpStatus.CREATED).body(centers.create(details, user.getUsername()));
    }

    @Operation(
            summary = "Change a service center (admins)",
            description = "As for adding one; with version, 409 when the center changed since.")
    @PutMapping("/api/v1/service-centers/{id}")
    ServiceCenter update(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestBody(required = false) CenterDetails details) {
        return centers.update(id, details, user.getUsername());
    }

    /** A nearest-centers question, checked. */
    record NearestQuery(double lat, double lon, ServiceType service, int days, int limit) {

        static NearestQuery check(
                double lat,
                double lon,
                String service,
                Integer days,
                Integer limit,
                ServiceCenterProperties properties) {
            if (Double.isNaN(lat) || lat < -90 || lat > 90) {
                throw CenterProblems.invalid("lat", "lat is a latitude in degrees from -90 to 90, not " + lat + ".");
            }
            if (Double.isNaN(lon) || lon < -180 || lon > 180) {
                throw CenterProblems.invalid("lon", "lon is a longitude in degrees from -180 to 180, not " + lon + ".");
            }
            var type = ServiceType.parse(service)
                    .orElseThrow(() -> CenterProblems.invalid(
                            "service",
                            "service is one of " + ServiceType.names() + ", not '"
                                    + CenterProblems.clip(String.valueOf(service)) + "'."));
            int d = days == null ? properties.defaultDays() : days;
            if (d < 1 || d > properties.maxDays()) {
                throw CenterProblems.invalid(
                        "days", "days is how many days ahead to look, from 1 to " + properties.maxDays() + ".");
            }
            int l = limit == null ? properties.defaultLimit() : limit;
            if (l < 1 || l > properties.maxLimit()) {
                throw CenterProblems.invalid(
                        "limit", "limit is how many centers to return, from 1 to " + properties.maxLimit() + ".");
            }
            return new NearestQuery(lat, lon, type, d, l);
        }
    }
}
