/**
 * Service where owners are: service centers (location, opening hours and holidays, capacity per day per service
 * type, mobile service), routing a service need to the nearest center with room (a spatial index in memory, then
 * great-circle distances), and appointments booked without double-booking, cancelled and rescheduled, with a
 * reminder the day before on the owner's channel. It publishes {@link io.directline.servicecenter.AppointmentBooked},
 * {@link io.directline.servicecenter.AppointmentCancelled}, {@link io.directline.servicecenter.AppointmentRescheduled}
 * and {@link io.directline.servicecenter.VisitCompleted}; the owner's journey shows the visits through
 * {@link io.directline.journey.ServiceVisits}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Service centers",
        allowedDependencies = {"customer", "cases", "channel", "journey", "identity", "web"})
package io.directline.servicecenter;
