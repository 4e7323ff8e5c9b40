package io.directline.servicecenter.center;

/** Distances on the earth's surface (a sphere of the mean radius), by the haversine formula. */
public final class GreatCircle {

    public static final double EARTH_RADIUS_KM = 6371.0088;
    public static final double KM_PER_MILE = 1.609344;
    public static final double EARTH_RADIUS_MILES = EARTH_RADIUS_KM / KM_PER_MILE;

    private GreatCircle() {}

    /** The great-circle distance in miles between two points given in degrees. */
    public static double miles(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
