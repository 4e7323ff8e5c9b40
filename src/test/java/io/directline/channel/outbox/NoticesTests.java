package io.directline.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.channel.Notice;
import io.directline.channel.NoticeProgress;
import io.directline.channel.Notices;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.customer.QuietHours;
import io.directline.testsupport.UniqueNames;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Notices as the journey and broadcast modules queue them: once per idempotency key, on the owner's channel, held
 * for quiet hours, counted and stopped by source. The dispatcher is off here, so nothing moves on its own.
 */
@SpringBootTest(properties = "directline.channels.outbox.enabled=false")
class NoticesTests {

    @Autowired
    Notices notices;

    @Autowired
    CustomerManagement customers;

    private long owner(Channel channel, QuietHours quiet) {
        var base = CustomerFixtures.owner("Nora Notice");
        return customers
                .register(new CustomerDetails(
                        base.name(),
                        base.email(),
                        channel == Channel.SMS ? "+4915112" + (100000 + (int) (Math.random() * 899999)) : null,
                        channel,
                        quiet,
                        "Europe/Berlin",
                        base.address(),
                        null,
                        java.util.Map.of()))
                .getId();
    }

    private static String source() {
        return "broadcast:" + UniqueNames.suffix();
    }

    private static Notice notice(long owner, String source) {
        return new Notice(
                owner,
                source,
                "Your delivery moves to 12 March",
                "Dear owner, your car now arrives on 12 March instead of 2 March: a supplier is late.",
                null,
                "Dana Director",
                null,
                source + ":" + owner);
    }

    @Test
    void aNoticeIsQueuedOncePerIdempotencyKeyAndTheOwnerSeesItWithItsFullText() {
        long owner = owner(Channel.EMAIL, null);
        var source = source();

        assertThat(notices.queue(notice(owner, source))).isTrue();
        assertThat(notices.queue(notice(owner, source))).isFalse();

        assertThat(notices.progress(source)).isEqualTo(new NoticeProgress(1, 0, 0, 0, 0));
        assertThat(notices.ofOwner(owner, 10)).singleElement().satisfies(n -> {
            assertThat(n.source()).isEqualTo(source);
            assertThat(n.status()).isEqualTo("QUEUED");
            assertThat(n.channel()).isEqualTo(Channel.EMAIL);
            assertThat(n.text()).contains("a supplier is late");
            assertThat(n.author()).isEqualTo("Dana Director");
            assertThat(n.queuedAt()).isNotNull();
            assertThat(n.sentAt()).isNull();
        });
    }

    @Test
    void queueAllSkipsKeysQueuedBeforeAndTwiceInOneCall() {
        var source = source();
        var owners = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            owners.add(owner(Channel.EMAIL, null));
        }
        var first = owners.subList(0, 3).stream().map(o -> notice(o, source)).toList();
        var all = new ArrayList<>(owners.stream().map(o -> notice(o, source)).toList());
        all.add(notice(owners.get(4), source));

        assertThat(notices.queueAll(first)).isEqualTo(3);
        assertThat(notices.queueAll(all)).isEqualTo(2);
        assertThat(notices.queueAll(List.of())).isZero();

        assertThat(notices.progress(source).total()).isEqualTo(5);
    }

    @Test
    void onThePortalANoticeIsShownAtOnce() {
        long owner = owner(Channel.PORTAL, null);
        var source = source();

        notices.queue(notice(owner, source));

        assertThat(notices.progress(source)).isEqualTo(new NoticeProgress(0, 0, 1, 0, 0));
        assertThat(notices.ofOwner(owner, 10)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("SENT");
            assertThat(n.sentAt()).isNotNull();
        });
    }

    @Test
    void anOwnerInTheirQuietHoursIsCountedAsWaiting() {
        var berlin = ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
        var quiet = new QuietHours(
                berlin.minusHours(1).toLocalTime().withNano(0),
                berlin.plusHours(2).toLocalTime().withNano(0));
        long owner = owner(Channel.EMAIL, quiet);
        var source = source();

        notices.queue(notice(owner, source));

        assertThat(notices.progress(source)).isEqualTo(new NoticeProgress(0, 1, 0, 0, 0));
        assertThat(notices.ofOwner(owner, 10))
                .singleElement()
                .extracting(n -> n.status())
                .isEqualTo("WAITING");
    }

    @Test
    void cancelStopsOnlyWhatIsNotSentYet() {
        var source = source();
        long portal = owner(Channel.PORTAL, null);
        long mail = owner(Channel.EMAIL, null);
        long sms = owner(Channel.SMS, null);

        notices.queueAll(List.of(notice(portal, source), notice(mail, source), notice(sms, source)));

        assertThat(notices.cancel(source)).isEqualTo(2);
        assertThat(notices.cancel(source)).isZero();
        assertThat(notices.progress(source)).isEqualTo(new NoticeProgress(0, 0, 1, 0, 2));
        assertThat(notices.ofOwner(mail, 10))
                .singleElement()
                .extracting(n -> n.status())
                .isEqualTo("CANCELLED");
        assertThat(notices.ofOwner(portal, 10))
                .singleElement()
                .extracting(n -> n.status())
                .isEqualTo("SENT");
    }

    @Test
    void anUnknownOwnerOrAMissingFieldIsRefusedWithASentence() {
        long owner = owner(Channel.EMAIL, null);
        var source = source();

        assertThatThrownBy(() -> notices.queue(notice(Long.MAX_VALUE - 7, source)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No owner has the id");
        var noKey = new Notice(owner, source, "Subject", "Text", null, "Dana", null, " ");
        assertThatThrownBy(() -> notices.queue(noKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A notice needs an idempotency key.");
        assertThat(notices.progress(source).total()).isZero();
    }

    @Test
    void ofOwnerListsNewestFirstUpToTheLimit() {
        long owner = owner(Channel.EMAIL, null);
        var first = source();
        var second = source();

        notices.queue(notice(owner, first));
        notices.queue(notice(owner, second));

        assertThat(notices.ofOwner(owner, 1))
                .singleElement()
                .extracting(n -> n.source())
                .isEqualTo(second);
        assertThat(notices.ofOwner(owner, 10)).extracting(n -> n.source()).containsExactly(second, first);
    }
}
