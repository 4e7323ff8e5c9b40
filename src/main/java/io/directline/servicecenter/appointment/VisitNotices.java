package io.directline.servicecenter.appointment;

import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.customer.CustomerManagement;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the owner is told of their visit on their channel, through the outbox (which keeps their quiet hours): that
 * staff booked, moved or cancelled it for them (what the owner does on the portal they see there), and the reminder
 * the day before. Each is queued in the caller's transaction, once (an idempotency key per visit and change).
 */
@Component
class VisitNotices {

    private final ObjectProvider<Notices> notices;
    private final CustomerManagement customers;

    VisitNotices(ObjectProvider<Notices> notices, CustomerManagement customers) {
        this.notices = notices;
        this.customers = customers;
    }

    void booked(Appointment a) {
        queue(
                a,
                "Your service visit is booked: " + Appointments.DAY.format(a.day()),
                "we booked your service visit (" + what(a) + ") for " + when(a) + ", at " + where(a) + ".",
                "visit-booked:" + a.id());
    }

    void moved(Appointment a, LocalDate from) {
        queue(
                a,
                "Your service visit moves to " + Appointments.DAY.format(a.day()),
                "your service visit (" + what(a) + ") moves from " + Appointments.DAY.format(from) + " to " + when(a)
                        + ", at " + where(a) + ".",
                "visit-moved:" + a.id() + ":" + a.version());
    }

    void cancelled(Appointment a) {
        queue(
                a,
                "Your service visit on " + Appointments.DAY.format(a.day()) + " is cancelled",
                "your service visit (" + what(a) + ") on " + Appointments.DAY.format(a.day()) + " at " + a.centerName()
                        + " is cancelled.",
                "visit-cancelled:" + a.id());
    }

    void reminder(Appointment a) {
        queue(
                a,
                "Reminder: your service visit tomorrow, " + Appointments.DAY.format(a.day()),
                "a reminder: your service visit (" + what(a) + ") is tomorrow, " + when(a) + ", at " + where(a) + ".",
                "visit-reminder:" + a.id() + ":" + a.day());
    }

    private void queue(Appointment a, String subject, String sentence, String key) {
        var owner = customers.get(a.customerId());
        var firstName = owner.getName() == null ? "" : owner.getName().strip().split("\\s+")[0];
        var full = "Dear " + firstName + ",\n\n" + sentence + "\n\nTo change or cancel it, go to your service visits"
                + " on the portal, or answer this message.\n\nDirect Line";
        var shortText = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
        notices.getObject()
                .queue(new Notice(
                        a.customerId(),
                        "visit:" + a.id(),
                        subject,
                        full,
                        shortText.length() > 280 ? shortText.substring(0, 279) + "…" : shortText,
                        "Direct Line",
                        a.caseId(),
                        key));
    }

    private static String what(Appointment a) {
        return a.service().label().toLowerCase(Locale.ENGLISH);
    }

    private static String when(Appointment a) {
        return Appointments.DAY.format(a.day()) + (a.dropOff() == null ? "" : " at " + a.dropOff());
    }

    private static String where(Appointment a) {
        return a.centerName() + ", " + a.centerAddress();
    }
}
