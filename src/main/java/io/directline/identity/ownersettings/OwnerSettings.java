package io.directline.identity.ownersettings;

import io.directline.customer.Channel;
import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import io.directline.customer.OwnerHandles;
import io.directline.customer.OwnerPreferences;
import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** An owner's settings as they see them: their choices and their handles with the state of each. */
@Component
class OwnerSettings {

    /** One way we know the owner: its kind (EMAIL, PHONE, X, MASTODON), its value, and whether it is proven. */
    record HandleView(long id, String kind, String value, boolean verified) {}

    record QuietHoursView(LocalTime from, LocalTime until) {}

    record SettingsView(
            long customerId,
            String name,
            Channel preferredChannel,
            QuietHoursView quietHours,
            String timeZone,
            String language,
            List<HandleView> handles) {}

    private final CustomerManagement customers;
    private final OwnerHandles handles;

    OwnerSettings(CustomerManagement customers, OwnerHandles handles) {
        this.customers = customers;
        this.handles = handles;
    }

    SettingsView of(long customerId) {
        return view(customers.get(customerId));
    }

    SettingsView change(long customerId, OwnerPreferences preferences) {
        return view(customers.changePreferences(customerId, preferences));
    }

    OwnerPreferences current(long customerId) {
        var c = customers.get(customerId);
        var quiet = c.getQuietHours();
        return new OwnerPreferences(
                c.getPreferredChannel(),
                quiet == null ? null : quiet.start(),
                quiet == null ? null : quiet.end(),
                c.getTimeZone(),
                c.getLanguage());
    }

    private SettingsView view(Customer c) {
        var quiet = c.getQuietHours();
        return new SettingsView(
                c.getId(),
                c.getName(),
                c.getPreferredChannel(),
                quiet == null || quiet.start() == null ? null : new QuietHoursView(quiet.start(), quiet.end()),
                c.getTimeZone(),
                c.getLanguage(),
                handlesOf(c));
    }

    private List<HandleView> handlesOf(Customer c) {
        return handles.handlesOf(c.getId()).stream()
                .map(h -> new HandleView(h.id(), h.kind().name(), h.value(), h.verified()))
                .toList();
    }
}
