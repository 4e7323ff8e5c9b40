package io.directline.channel.outbox;

import io.directline.cases.CaseManagement;
import io.directline.cases.DeliveryState;
import io.directline.cases.Priority;
import io.directline.cases.ReplyPosted;
import io.directline.customer.Channel;
import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import io.directline.identity.OwnerCaseLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns each answer into an outbox row. The {@link ReplyPosted} event is stored by the event
 * publication registry in the answer's own transaction and delivered here after commit (again after a
 * crash), so an answer is never lost between commit and send; the row is created once per message.
 */
@Component
class OutboxQueue {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /**
     * Channels whose answers are cut short with a link. A private answer's link (SMS, a direct message) is signed: it
     * opens the case for the owner, and offers an owner who has no login yet to claim the account with a code sent to
     * the same place. A public reply never carries one (whoever reads the post could follow it): it ends with the
     * plain link to the case, and when it is too long for a post the signed link goes separately, by private message
     * to the owner's account on the network ({@link OutboundMessage#privateCaseLink}).
     */
    private static final Set<Channel> SIGNED_LINK_CHANNELS = Set.of(Channel.SMS, Channel.X, Channel.MASTODON);

    /** Networks where a public reply can be followed by a private message. */
    private static final Set<Channel> PRIVATE_MESSAGE_NETWORKS = Set.of(Channel.X, Channel.MASTODON);

    private final OutboundMessageRepository outbox;
    private final OwnerCaseLinks links;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final Set<Channel> delivered;
    private final java.util.Map<Channel, Integer> maxLengths;
    private final Clock clock;

    OutboxQueue(
            OutboundMessageRepository outbox,
            OwnerCaseLinks links,
            CaseManagement cases,
            CustomerManagement customers,
            List<OutboundSender> senders,
            Clock clock) {
        this.outbox = outbox;
        this.links = links;
        this.cases = cases;
        this.customers = customers;
        this.delivered = senders.stream().map(OutboundSender::channel).collect(Collectors.toUnmodifiableSet());
        this.maxLengths = senders.stream()
                .collect(Collectors.toUnmodifiableMap(OutboundSender::channel, OutboundSender::maxLength, Math::min));
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReplyPosted reply) {
        queue(reply);
    }

    void queue(ReplyPosted reply) {
        if (outbox.existsByMessageId(reply.messageId())) {
            return;
        }
        var customer = customers.get(reply.customerId());
        var supportCase = cases.get(reply.caseId());
        var message = cases.message(reply.messageId());
        var now = clock.instant();
        var channel = reply.channel() == Channel.PHONE ? Channel.SMS : reply.channel();
        var recipient = recipient(channel, customer);
        var subject = supportCase.getSubject() + " [" + supportCase.reference() + "]";
        if (channel != Channel.PORTAL && recipient == null) {
            var row = new OutboundMessage(
                    reply.caseId(),
                    reply.messageId(),
                    customer.getId(),
                    channel,
                    null,
                    subject,
                    message.getBody(),
                    reply.author(),
                    null,
                    now);
            var why = customer.getName() + " has no " + describe(channel) + "; the answer is only in the portal.";
            row.failed(why);
            outbox.save(row);
            cases.recordDelivery(reply.messageId(), DeliveryState.FAILED, why);
            return;
        }
        var notBefore = now;
        String detail = null;
        if (supportCase.getPriority() != Priority.URGENT && channel != Channel.PORTAL) {
            var quietEnd = endOfQuietHours(customer, now);
            if (quietEnd != null) {
                notBefore = quietEnd;
                var zone = ZoneId.of(customer.getTimeZone());
                detail = "Waits for the end of the owner's quiet hours (" + TIME.format(quietEnd.atZone(zone)) + " "
                        + zone.getId() + ").";
            }
        }
        if (!delivered.contains(channel)) {
            detail = "No " + channel + " sender is configured on this server yet; the answer waits in the outbox"
                    + " and the owner can read it in the portal.";
        }
        var row = outbox.save(new OutboundMessage(
                reply.caseId(),
                reply.messageId(),
                customer.getId(),
                channel,
                recipient,
                subject,
                message.getBody(),
                reply.author(),
                notBefore,
                now));
        if (SIGNED_LINK_CHANNELS.contains(channel)) {
            if (!cases.answersPublicPost(reply.messageId(), channel)) {
                row.linkToPortal(links.caseLink(customer.getId(), reply.caseId(), channel, recipient));
            } else if (PRIVATE_MESSAGE_NETWORKS.contains(channel) && tooLongForAPost(channel, message.getBody())) {
                var link = links.caseLink(customer.getId(), reply.caseId(), channel, recipient);
                outbox.save(OutboundMessage.privateCaseLink(
                        reply.caseId(),
                        reply.messageId(),
                        customer.getId(),
                        channel,
                        recipient,
                        subject,
                        "Our answer to your post about \u201c" + supportCase.getSubject() + "\u201d ["
                                + supportCase.reference() + "] is longer than a post. Read all of it in your"
                                + " Direct Line account: " + link
                                + " \u2014 this link is yours alone, works once and expires; never share it.",
                        notBefore,
                        now));
            }
        }
        cases.recordDelivery(reply.messageId(), DeliveryState.QUEUED, detail);
    }

    /** Whether the answer will be cut short in a post on this network (so the owner needs the link to the rest). */
    private boolean tooLongForAPost(Channel channel, String html) {
        var max = maxLengths.get(channel);
        if (max == null) {
            return false;
        }
        var text = io.directline.channel.intake.PlainText.of(html).strip();
        return text.codePointCount(0, text.length()) > max;
    }

    static String recipient(Channel channel, Customer customer) {
        return switch (channel) {
            case EMAIL -> customer.getEmail();
            case SMS, PHONE -> customer.getPhone();
            case X, MASTODON -> customer.socialAddress(CustomerManagement.networkKey(channel));
            case PORTAL -> null;
        };
    }

    private static String describe(Channel channel) {
        return switch (channel) {
            case EMAIL -> "e-mail address";
            case SMS, PHONE -> "phone number";
            case X -> "X handle";
            case MASTODON -> "Mastodon handle";
            case PORTAL -> "portal";
        };
    }

    /** The instant the owner's quiet hours end, when they are in them now; null otherwise. */
    static Instant endOfQuietHours(Customer customer, Instant now) {
        var quiet = customer.getQuietHours();
        if (quiet == null || quiet.start() == null || quiet.end() == null) {
            return null;
        }
        var local = now.atZone(ZoneId.of(customer.getTimeZone()));
        if (!quiet.contains(local)) {
            return null;
        }
        var end = local.with(quiet.end()).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
