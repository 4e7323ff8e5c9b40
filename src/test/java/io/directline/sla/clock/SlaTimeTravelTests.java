package io.directline.sla.clock;

import static io.directline.sla.SlaFixtures.BERLIN;
import static io.directline.sla.SlaFixtures.at;
import static io.directline.sla.SlaFixtures.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.customer.QuietHours;
import io.directline.customer.Tier;
import io.directline.escalation.CaseEscalated;
import io.directline.escalation.ClimbCause;
import io.directline.escalation.Rung;
import io.directline.escalation.ladder.EscalationLadder;
import io.directline.escalation.ladder.LadderStep;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.sla.ClockKind;
import io.directline.sla.OwnerNotifier;
import io.directline.sla.Promise;
import io.directline.sla.PromiseStatus;
import io.directline.sla.Promises;
import io.directline.sla.SlaBreached;
import io.directline.sla.SlaClockService;
import io.directline.sla.notice.OwnerNotice;
import io.directline.sla.policy.BusinessHours;
import io.directline.sla.policy.SlaPolicies;
import io.directline.sla.policy.SlaPolicy;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.TravellingClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SLA clocks, breaches, broken promises and the escalation ladder, travelling in time with a clock the test
 * moves. The watchdog is swept by hand (its own schedule is an hour) on a database of its own, so no other
 * context's watchdog, running on the real clock, takes part.
 */
@SpringBootTest(
        properties = {
            "directline.sla.watchdog-interval=1h",
            "directline.escalation.ladder.executive-office=" + SlaTimeTravelTests.EXEC
        })
class SlaTimeTravelTests {

    /** The experience module's recovery callback, which its own tests follow; the ladder's promises are these tests'. */
    private static final String RECOVERY_CALLBACK = "We call you back to put right what went wrong";

    static final String EXEC = "exec.timetravel";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties("timetravel").forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    TravellingClock clock;

    @Autowired
    SlaWatchdog watchdog;

    @Autowired
    SlaPolicies policies;

    @Autowired
    SlaClockService clocks;

    @Autowired
    EscalationLadder escalations;

    @Autowired
    OwnerNotifier notices;

    @Autowired
    Promises promises;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserManagement users;

    @Autowired
    Seen seen;

    private final List<Long> policiesOfThisTest = new ArrayList<>();
    private String team;
    private String agent;
    private String supervisor;

    @BeforeEach
    void hireStaff() {
        clock.travelTo(berlin("2027-02-01T09:00"));
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-" + suffix;
        agent = "agent." + suffix;
        supervisor = "supervisor." + suffix;
        users.createUser(
                new NewUser(agent, "time-travel-password", "Alex Agent", null, team, Set.of(Role.AGENT), null));
        users.createUser(new NewUser(
                supervisor, "time-travel-password", "Sam Supervisor", null, team, Set.of(Role.SUPERVISOR), null));
        if (!users.exists(EXEC)) {
            users.createUser(new NewUser(
                    EXEC, "time-travel-password", "Erin Executive", null, null, Set.of(Role.EXECUTIVE), null));
        }
    }

    @AfterEach
    void retirePolicies() {
        policiesOfThisTest.forEach(policies::retire);
    }

    @Test
    void aFirstResponseDueFridayAfternoonSkipsTheWeekendAndAHolidayThenClimbsToTheTeamSupervisor() {
        var officeHours = weekdays("09:00", "17:00");
        policy(
                Channel.SMS,
                Priority.HIGH,
                Tier.VIP,
                Duration.ofHours(2),
                null,
                null,
                BERLIN,
                officeHours,
                "2027-03-01");
        clock.travelTo(berlin("2027-02-26T16:00")); // a Friday; Monday 1 March is a holiday
        long caseId = open(owner(Tier.VIP, Channel.SMS, null, "Europe/Berlin"), Channel.SMS, Priority.HIGH);

        var firstResponse = clock(caseId, ClockKind.FIRST_RESPONSE);
        assertThat(firstResponse.getDueAt()).isEqualTo(berlin("2027-03-02T10:00"));
        assertThat(cases.get(caseId).getSlaDueAt()).isEqualTo(berlin("2027-03-02T10:00"));

        clock.travelTo(berlin("2027-03-02T09:59"));
        watchdog.sweep();
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE).getBreachedAt()).isNull();
        assertThat(rungOf(caseId)).isEqualTo(Rung.ASSIGNEE);

        clock.travelTo(berlin("2027-03-02T10:00:30"));
        watchdog.sweep();
        var breached = clock(caseId, ClockKind.FIRST_RESPONSE);
        assertThat(breached.getBreachedAt()).isEqualTo(berlin("2027-03-02T10:00"));
        assertThat(seen.breaches(caseId)).extracting(SlaBreached::kind).containsExactly(ClockKind.FIRST_RESPONSE);
        assertThat(rungOf(caseId)).isEqualTo(Rung.TEAM_SUPERVISOR);
        assertThat(cases.get(caseId).getAssignee()).isEqualTo(supervisor);
    }

    @Test
    void workingNightHoursAcrossTheSpringForwardNightCountRealTime() {
        policy(
                Channel.SMS,
                Priority.LOW,
                Tier.VIP,
                Duration.ofHours(3),
                null,
                null,
                BERLIN,
                everyDay("00:00", "06:00"));
        clock.travelTo(berlin("2027-03-27T05:00")); // one working hour left on Saturday
        long caseId = open(owner(Tier.VIP, Channel.SMS, null, "Europe/Berlin"), Channel.SMS, Priority.LOW);

        // Sunday 28 March: 00:00 CET plus two real hours is 03:00 CEST, the clocks having jumped at 02:00
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE).getDueAt()).isEqualTo(berlin("2027-03-28T03:00"));
        assertThat(berlin("2027-03-28T03:00")).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void waitingOnTheOwnerPausesTheClockAndTheOwnersMessageResumesIt() {
        policy(Channel.EMAIL, Priority.LOW, Tier.PREMIUM, Duration.ofHours(4), null, null, ZoneOffset.UTC, null);
        var t0 = Instant.parse("2027-04-05T08:00:00Z");
        clock.travelTo(t0);
        long owner = owner(Tier.PREMIUM, Channel.EMAIL, null, "UTC");
        long caseId = open(owner, Channel.EMAIL, Priority.LOW);

        clock.travelTo(t0.plus(Duration.ofHours(1)));
        cases.change(caseId, new CaseChanges(CaseStatus.WAITING_ON_CUSTOMER, null, null, null, null), agentVoice());
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE).getState()).isEqualTo(SlaClock.State.PAUSED);
        assertThat(cases.get(caseId).getSlaDueAt()).isNull();

        clock.travelTo(t0.plus(Duration.ofDays(3)));
        watchdog.sweep();
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE).getBreachedAt()).isNull();

        cases.receiveFromOwner(caseId, owner, "Here are the photos you asked for.", Channel.EMAIL, null, ownerVoice());
        var resumed = clock(caseId, ClockKind.FIRST_RESPONSE);
        assertThat(resumed.getState()).isEqualTo(SlaClock.State.RUNNING);
        assertThat(resumed.getDueAt()).isEqualTo(t0.plus(Duration.ofDays(3)).plus(Duration.ofHours(3)));
        assertThat(clocks.ofCase(caseId)).extracting(StoredClock::getKind).containsOnly(ClockKind.FIRST_RESPONSE);

        clock.travelTo(resumed.getDueAt().minusSeconds(60));
        watchdog.sweep();
        assertThat(rungOf(caseId)).isEqualTo(Rung.ASSIGNEE);
        clock.travelTo(resumed.getDueAt().plusSeconds(1));
        watchdog.sweep();
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE).getBreachedAt()).isEqualTo(resumed.getDueAt());
        assertThat(rungOf(caseId)).isEqualTo(Rung.TEAM_SUPERVISOR);
    }

    @Test
    void anAnswerInTimeStopsTheClockAndTheOwnersNextMessageStartsANextResponseClockThatBreachesToo() {
        policy(
                Channel.EMAIL,
                Priority.HIGH,
                Tier.PREMIUM,
                Duration.ofHours(4),
                Duration.ofHours(8),
                Duration.ofDays(5),
                ZoneOffset.UTC,
                null);
        var t0 = Instant.parse("2027-04-06T08:00:00Z");
        clock.travelTo(t0);
        long owner = owner(Tier.PREMIUM, Channel.EMAIL, null, "UTC");
        long caseId = open(owner, Channel.EMAIL, Priority.HIGH);
        assertThat(cases.get(caseId).getSlaDueAt()).isEqualTo(t0.plus(Duration.ofHours(4)));

        clock.travelTo(t0.plus(Duration.ofHours(1)));
        cases.reply(caseId, "We are on it.", null, agentVoice());
        var first = clock(caseId, ClockKind.FIRST_RESPONSE);
        assertThat(first.getState()).isEqualTo(SlaClock.State.STOPPED);
        assertThat(first.getBreachedAt()).isNull();
        assertThat(cases.get(caseId).getSlaDueAt()).isEqualTo(t0.plus(Duration.ofDays(5)));

        clock.travelTo(t0.plus(Duration.ofHours(2)));
        cases.receiveFromOwner(caseId, owner, "Any news?", Channel.EMAIL, null, ownerVoice());
        var next = clock(caseId, ClockKind.NEXT_RESPONSE);
        assertThat(next.getState()).isEqualTo(SlaClock.State.RUNNING);
        assertThat(next.getDueAt()).isEqualTo(t0.plus(Duration.ofHours(10)));
        assertThat(cases.get(caseId).getSlaDueAt()).isEqualTo(t0.plus(Duration.ofHours(10)));

        // nobody answers the second question: the next-response breach climbs like the first would have
        clock.travelTo(t0.plus(Duration.ofHours(10)).plusSeconds(30));
        watchdog.sweep();
        assertThat(clock(caseId, ClockKind.NEXT_RESPONSE).getBreachedAt()).isEqualTo(t0.plus(Duration.ofHours(10)));
        assertThat(seen.breaches(caseId)).extracting(SlaBreached::kind).containsExactly(ClockKind.NEXT_RESPONSE);
        assertThat(rungOf(caseId)).isEqualTo(Rung.TEAM_SUPERVISOR);
        assertThat(escalations.trailOf(caseId).get(0).getReason()).startsWith("Next response target of 8 hours");

        clock.travelTo(t0.plus(Duration.ofDays(6)));
        cases.change(caseId, new CaseChanges(CaseStatus.CLOSED, null, null, null, null), agentVoice());
        assertThat(clocks.ofCase(caseId)).allMatch(c -> c.getState() == SlaClock.State.STOPPED);
        assertThat(cases.get(caseId).getSlaDueAt()).isNull();
    }

    @Test
    void anAnswerAfterTheTargetButBeforeTheWatchdogRecordsTheBreachWithoutClimbing() {
        policy(Channel.EMAIL, Priority.URGENT, Tier.PREMIUM, Duration.ofHours(1), null, null, ZoneOffset.UTC, null);
        var t0 = Instant.parse("2027-04-07T08:00:00Z");
        clock.travelTo(t0);
        long caseId = open(owner(Tier.PREMIUM, Channel.EMAIL, null, "UTC"), Channel.EMAIL, Priority.URGENT);

        clock.travelTo(t0.plus(Duration.ofHours(2)));
        cases.reply(caseId, "Sorry for the wait, here is the answer.", null, agentVoice());

        var first = clock(caseId, ClockKind.FIRST_RESPONSE);
        assertThat(first.getState()).isEqualTo(SlaClock.State.STOPPED);
        assertThat(first.getBreachedAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(seen.breaches(caseId)).hasSize(1);
        watchdog.sweep();
        assertThat(seen.breaches(caseId)).hasSize(1);
        assertThat(rungOf(caseId)).isEqualTo(Rung.ASSIGNEE);
        assertThat(escalations.trailOf(caseId)).isEmpty();
    }

    @Test
    void eachBreachOrBrokenPromiseClimbsOneRungUpToTheExecutiveOfficeAndTheOwnerHearsTheTruthEachTime() {
        policy(Channel.PORTAL, Priority.HIGH, Tier.VIP, Duration.ofHours(2), null, null, ZoneOffset.UTC, null);
        var t0 = Instant.parse("2027-05-03T08:00:00Z");
        clock.travelTo(t0);
        long caseId = open(owner(Tier.VIP, Channel.PORTAL, null, "Europe/Berlin"), Channel.PORTAL, Priority.HIGH);
        cases.change(caseId, new CaseChanges(null, agent, null, null, null), agentVoice());

        // rung 1: the first response is late; the team supervisor takes the case and promises an answer
        clock.travelTo(t0.plus(Duration.ofHours(2)).plusSeconds(30));
        watchdog.sweep();
        assertThat(rungOf(caseId)).isEqualTo(Rung.TEAM_SUPERVISOR);
        assertThat(cases.get(caseId).getAssignee()).isEqualTo(supervisor);
        var first = escalations.trailOf(caseId).get(0);
        assertThat(first.getFromHolder()).isEqualTo(agent);
        assertThat(first.getToHolder()).isEqualTo(supervisor);
        assertThat(first.getCause()).isEqualTo(ClimbCause.SLA_BREACH);
        assertThat(first.getReason()).contains("First response target of 2 hours missed");
        assertThat(cases.auditTrail(caseId))
                .anySatisfy(a -> assertThat(a.getAction() + " " + a.getDetail())
                        .startsWith("ESCALATED " + agent + " → " + supervisor + ": First response"));
        var recovery = openPromiseOf(caseId);
        assertThat(recovery.getResponsible()).isEqualTo(supervisor);
        assertThat(recovery.getDueAt()).isEqualTo(t0.plus(Duration.ofHours(6)).plusSeconds(30));
        assertThat(automaticNotices(caseId))
                .singleElement()
                .asString()
                .contains("we have not answered you as quickly as we promised")
                .contains("now with Sam Supervisor, the supervisor of the team handling your case")
                .contains("You will hear from us by Monday 3 May 2027 at 16:00 (Europe/Berlin)");

        // rung 2: the supervisor's promise passes unkept; the executive office takes over
        clock.travelTo(recovery.getDueAt().plusSeconds(30));
        watchdog.sweep();
        assertThat(promises.ofCase(caseId))
                .filteredOn(p -> p.getId().equals(recovery.getId()))
                .singleElement()
                .extracting(Promise::getStatus)
                .isEqualTo(PromiseStatus.BROKEN);
        assertThat(rungOf(caseId)).isEqualTo(Rung.EXECUTIVE_OFFICE);
        assertThat(cases.get(caseId).getAssignee()).isEqualTo(EXEC);
        assertThat(escalations.trailOf(caseId).get(1).getCause()).isEqualTo(ClimbCause.PROMISE_BROKEN);
        assertThat(automaticNotices(caseId)).hasSize(2);
        assertThat(automaticNotices(caseId).get(1))
                .contains("we did not keep the promise we made you")
                .contains("now with Erin Executive, our executive office");

        // the top: the executive office stays on the case and is reminded
        var executivesPromise = openPromiseOf(caseId);
        assertThat(executivesPromise.getResponsible()).isEqualTo(EXEC);
        clock.travelTo(executivesPromise.getDueAt().plusSeconds(30));
        watchdog.sweep();
        assertThat(rungOf(caseId)).isEqualTo(Rung.EXECUTIVE_OFFICE);
        assertThat(escalations.trailOf(caseId))
                .extracting(LadderStep::getRung, LadderStep::getToHolder)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rung.TEAM_SUPERVISOR, supervisor),
                        org.assertj.core.groups.Tuple.tuple(Rung.EXECUTIVE_OFFICE, EXEC),
                        org.assertj.core.groups.Tuple.tuple(Rung.EXECUTIVE_OFFICE, EXEC));
        assertThat(seen.escalations(caseId)).hasSize(3);
        // the executive office acts in person now: no automatic promise or notice that would break again
        assertThat(promises.ofCase(caseId))
                .filteredOn(p -> !p.getDescription().startsWith(RECOVERY_CALLBACK))
                .noneMatch(p -> p.getStatus() == PromiseStatus.OPEN);
        assertThat(automaticNotices(caseId)).hasSize(2);
    }

    @Test
    void anOwnerHearsAtMostOneNoticePerGapEvenWhenTwoClocksBreachInIt() {
        policy(
                Channel.PORTAL,
                Priority.LOW,
                Tier.VIP,
                Duration.ofHours(1),
                null,
                Duration.ofHours(2),
                ZoneOffset.UTC,
                null);
        var t0 = Instant.parse("2027-05-04T08:00:00Z");
        clock.travelTo(t0);
        long caseId = open(owner(Tier.VIP, Channel.PORTAL, null, "UTC"), Channel.PORTAL, Priority.LOW);

        clock.travelTo(t0.plus(Duration.ofMinutes(61)));
        watchdog.sweep();
        clock.travelTo(t0.plus(Duration.ofMinutes(121)));
        watchdog.sweep();

        assertThat(rungOf(caseId)).isEqualTo(Rung.EXECUTIVE_OFFICE);
        assertThat(automaticNotices(caseId)).hasSize(1);
        assertThat(notices.ofCase(caseId))
                .extracting(OwnerNotice::getStatus)
                .containsExactly(OwnerNotice.Status.SENT, OwnerNotice.Status.SKIPPED);
    }

    @Test
    void aNoticeDueInTheOwnersQuietHoursWaitsUntilTheyEnd() {
        policy(Channel.PORTAL, Priority.NORMAL, Tier.VIP, Duration.ofHours(1), null, null, ZoneOffset.UTC, null);
        var newYork = ZoneId.of("America/New_York");
        clock.travelTo(at(newYork, "2027-05-05T22:30"));
        var quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        long caseId = open(owner(Tier.VIP, Channel.PORTAL, quiet, "America/New_York"), Channel.PORTAL, Priority.NORMAL);

        clock.travelTo(at(newYork, "2027-05-05T23:31"));
        watchdog.sweep();
        assertThat(rungOf(caseId)).isEqualTo(Rung.TEAM_SUPERVISOR);
        assertThat(automaticNotices(caseId)).isEmpty();
        assertThat(notices.ofCase(caseId)).singleElement().satisfies(n -> {
            assertThat(n.getStatus()).isEqualTo(OwnerNotice.Status.PENDING);
            assertThat(n.getSendAt()).isEqualTo(at(newYork, "2027-05-06T07:00"));
        });

        clock.travelTo(at(newYork, "2027-05-06T06:59"));
        watchdog.sweep();
        assertThat(automaticNotices(caseId)).isEmpty();
        clock.travelTo(at(newYork, "2027-05-06T07:00:30"));
        watchdog.sweep();
        // the supervisor's promise counts from the moment the owner could be told, not from the night
        assertThat(automaticNotices(caseId))
                .singleElement()
                .asString()
                .contains("now with Sam Supervisor")
                .contains("You will hear from us by Thursday 6 May 2027 at 11:00 (America/New_York)");
        assertThat(notices.ofCase(caseId)).extracting(OwnerNotice::getStatus).containsExactly(OwnerNotice.Status.SENT);
    }

    @Test
    void raisingThePriorityMovesTheClocksToTheStricterPolicyKeepingTheTimeUsed() {
        policy(Channel.PHONE, Priority.NORMAL, Tier.VIP, Duration.ofHours(8), null, null, ZoneOffset.UTC, null);
        policy(Channel.PHONE, Priority.URGENT, Tier.VIP, Duration.ofHours(1), null, null, ZoneOffset.UTC, null);
        var t0 = Instant.parse("2027-05-10T08:00:00Z");
        clock.travelTo(t0);
        long caseId = open(owner(Tier.VIP, Channel.PHONE, null, "UTC"), Channel.PHONE, Priority.NORMAL);
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE).getDueAt()).isEqualTo(t0.plus(Duration.ofHours(8)));

        clock.travelTo(t0.plus(Duration.ofMinutes(30)));
        cases.change(caseId, new CaseChanges(null, null, Priority.URGENT, null, null), agentVoice());

        var moved = clock(caseId, ClockKind.FIRST_RESPONSE);
        assertThat(moved.getTarget()).isEqualTo(Duration.ofHours(1));
        assertThat(moved.getDueAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(cases.get(caseId).getSlaDueAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
    }

    @Test
    void anOwnerBecomingVipMovesTheirOpenCasesToTheVipPolicy() {
        policy(Channel.PHONE, Priority.LOW, Tier.STANDARD, Duration.ofHours(8), null, null, ZoneOffset.UTC, null);
        var vip =
                policy(Channel.PHONE, Priority.LOW, Tier.VIP, Duration.ofMinutes(30), null, null, ZoneOffset.UTC, null);
        var t0 = Instant.parse("2027-05-11T08:00:00Z");
        clock.travelTo(t0);
        long owner = owner(Tier.STANDARD, Channel.PHONE, null, "UTC");
        long caseId = open(owner, Channel.PHONE, Priority.LOW);

        clock.travelTo(t0.plus(Duration.ofMinutes(10)));
        customers.update(owner, new CustomerDetails(null, null, null, null, null, null, null, null, null, Tier.VIP));

        var moved = clock(caseId, ClockKind.FIRST_RESPONSE);
        assertThat(moved.getPolicyId()).isEqualTo(vip.getId());
        assertThat(moved.getDueAt()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
        assertThat(clocks.slaOf(caseId).orElseThrow().getPolicyId()).isEqualTo(vip.getId());
    }

    // --- helpers

    private SlaPolicy policy(
            Channel channel,
            Priority priority,
            Tier tier,
            Duration first,
            Duration next,
            Duration resolution,
            ZoneId zone,
            Map<DayOfWeek, List<BusinessHours>> hours,
            String... holidays) {
        var policy = policies.define(new SlaPolicy.Definition(
                "time travel " + channel + "/" + priority + "/" + tier,
                channel,
                priority,
                tier,
                first,
                next,
                resolution,
                zone,
                hours,
                Set.of(holidays).stream().map(LocalDate::parse).collect(java.util.stream.Collectors.toSet())));
        policiesOfThisTest.add(policy.getId());
        return policy;
    }

    private static Map<DayOfWeek, List<BusinessHours>> weekdays(String from, String to) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(BusinessHours.of(from, to)));
            }
        }
        return week;
    }

    private static Map<DayOfWeek, List<BusinessHours>> everyDay(String from, String to) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            week.put(day, List.of(BusinessHours.of(from, to)));
        }
        return week;
    }

    private long owner(Tier tier, Channel channel, QuietHours quiet, String zone) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return customers
                .register(new CustomerDetails(
                        "Time Traveller " + unique,
                        "traveller." + unique + "@example.org",
                        null,
                        channel,
                        quiet,
                        zone,
                        null,
                        null,
                        null,
                        tier))
                .getId();
    }

    private long open(long owner, Channel channel, Priority priority) {
        var opened = cases.open(
                new OpenCase(owner, "My car will not start", "It just clicks.", channel, priority, team, null, null),
                ownerVoice());
        return opened.getId();
    }

    private StoredClock clock(long caseId, ClockKind kind) {
        return clocks.ofCase(caseId).stream()
                .filter(c -> c.getKind() == kind)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("case " + caseId + " has no " + kind + " clock"));
    }

    private Rung rungOf(long caseId) {
        return escalations.rungOf(caseId);
    }

    private Promise openPromiseOf(long caseId) {
        return promises.ofCase(caseId).stream()
                .filter(p -> p.getStatus() == PromiseStatus.OPEN)
                .filter(p -> !p.getDescription().startsWith(RECOVERY_CALLBACK))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private List<String> automaticNotices(long caseId) {
        return cases.conversation(caseId, false).stream()
                .filter(m -> m.getDirection() == Direction.OUTBOUND && "Direct Line".equals(m.getAuthor()))
                .map(m -> m.getBody())
                .toList();
    }

    private Actor agentVoice() {
        return new Actor(agent, "Alex Agent", Channel.PORTAL);
    }

    private static Actor ownerVoice() {
        return new Actor("owner", "Time Traveller", Channel.PORTAL);
    }

    @TestConfiguration
    static class Travel {

        @Bean
        @Primary
        TravellingClock travellingClock() {
            return new TravellingClock(Instant.parse("2027-01-01T00:00:00Z"));
        }

        @Bean
        Seen seen() {
            return new Seen();
        }
    }

    /** The SLA events this context published. */
    static class Seen {

        private final List<SlaBreached> breaches = new CopyOnWriteArrayList<>();
        private final List<CaseEscalated> escalations = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SlaBreached event) {
            breaches.add(event);
        }

        @EventListener
        void on(CaseEscalated event) {
            escalations.add(event);
        }

        List<SlaBreached> breaches(long caseId) {
            return breaches.stream().filter(e -> e.caseId() == caseId).toList();
        }

        List<CaseEscalated> escalations(long caseId) {
            return escalations.stream().filter(e -> e.caseId() == caseId).toList();
        }
    }
}
