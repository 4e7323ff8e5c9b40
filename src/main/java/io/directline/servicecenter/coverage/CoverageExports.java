package io.directline.servicecenter.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last result as files: the regions as CSV (a header, one row per region, CRLF, as the dashboard's CSV files),
 * and the proposed sites with the existing centers as one GeoJSON FeatureCollection (RFC 7946: Point coordinates
 * [longitude, latitude]), told apart by their {@code kind} property ({@code proposed-site} or {@code service-center}).
 * Before the first analysis finishes, the CSV is its header and the collection is empty.
 */
final class CoverageExports {

    static final String REGIONS_HEADER = "region,owners,p50_miles,p90_miles,max_miles,within_50_miles";

    private CoverageExports() {}

    static String regionsCsv(CoverageResult result) {
        var csv = new StringBuilder(REGIONS_HEADER).append("\r\n");
        if (result != null) {
            for (var r : result.regions()) {
                csv.append(cell(r.region()))
                        .append(',')
                        .append(r.owners())
                        .append(',')
                        .append(r.p50Miles())
                        .append(',')
                        .append(r.p90Miles())
                        .append(',')
                        .append(r.maxMiles())
                        .append(',')
                        .append(r.within50())
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    /** A cell quoted when it holds a comma, quote or line break; a leading formula character is defused. */
    private static String cell(String value) {
        var text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? '"' + text.replace("\"", "\"\"") + '"'
                : text;
    }

    static Map<String, Object> sitesGeoJson(CoverageResult result) {
        var features = new ArrayList<Object>();
        if (result != null) {
            for (var s : result.sites()) {
                var properties = new LinkedHashMap<String, Object>();
                properties.put("kind", "proposed-site");
                properties.put("rank", s.rank());
                properties.put("nearestCity", s.nearestCity());
                properties.put("ownersBroughtWithin50Miles", s.ownersBroughtWithin50());
                properties.put("p90MilesAfter", s.p90MilesAfter());
                properties.put("within50MilesAfter", s.within50After());
                features.add(feature(s.longitude(), s.latitude(), properties));
            }
            for (var c : result.centers()) {
                var properties = new LinkedHashMap<String, Object>();
                properties.put("kind", "service-center");
                properties.put("id", c.id());
                properties.put("name", c.name());
                features.add(feature(c.longitude(), c.latitude(), properties));
            }
        }
        var collection = new LinkedHashMap<String, Object>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> feature(double lon, double lat, Map<String, Object> properties) {
        var feature = new LinkedHashMap<String, Object>();
        feature.put("type", "Feature");
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        feature.put("properties", properties);
        return feature;
    }
}
