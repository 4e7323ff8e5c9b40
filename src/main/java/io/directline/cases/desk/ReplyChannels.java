package io.directline.cases.desk;

import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import java.util.ArrayList;
import java.util.List;

/** The channels an answer can go out on for an owner: the portal, and every channel they have a handle for. */
final class ReplyChannels {

    private ReplyChannels() {}

    static List<Channel> of(Customer customer) {
        var channels = new ArrayList<Channel>();
        channels.add(Channel.PORTAL);
        if (customer.getEmail() != null) {
            channels.add(Channel.EMAIL);
        }
        if (customer.getPhone() != null) {
            channels.add(Channel.SMS);
        }
        for (var network : List.of(Channel.X, Channel.MASTODON)) {
            if (customer.socialAddress(CustomerManagement.networkKey(network)) != null) {
                channels.add(network);
            }
        }
        return channels;
    }

    /** Where the owner last wrote from (the case's channel), else their preferred channel, else the portal. */
    static Channel preferred(SupportCase supportCase, Customer customer) {
        var available = of(customer);
        var caseChannel = supportCase.getChannel() == Channel.PHONE ? Channel.SMS : supportCase.getChannel();
        if (available.contains(caseChannel)) {
            return caseChannel;
        }
        return available.contains(customer.getPreferredChannel()) ? customer.getPreferredChannel() : Channel.PORTAL;
    }
}
