package io.directline.demo;

import io.directline.cases.Actor;
import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.ImportedCase;
import io.directline.cases.CaseManagement.ImportedMessage;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.customer.Address;
import io.directline.customer.Channel;
import io.directline.customer.Customer;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.customer.QuietHours;
import io.directline.escalation.OwnerEscalations;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.journey.Milestone;
import io.directline.journey.MilestonePlan;
import io.directline.journey.OrderDetails;
import io.directline.journey.Orders;
import io.directline.sla.Promises;
import io.directline.sla.SlaClockService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Loads the demo data once, at the first start with {@code directline.demo.enabled=true}. Longer than 300 lines:
 * it is one script that tells the demo's story in order (staff, owners, cases in every status, kept and broken
 * promises, escalations waiting in the office), read top to bottom; each scene is a short method, and splitting
 * the script across classes would hide the order the story depends on.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int BATCH = 500;

    /**
     * How long after the load the demo's late cases come due: the watchdog's first sweeps after the start find
     * them, so they climb the ladder in front of the newcomer, as a breach Direct Line watches does.
     */
    static final Duration LATE_AFTER_START = Duration.ofSeconds(45);

    /** The standard policy's targets (V9): the first answer within 4 hours, every next one within 8. */
    private static final Duration FIRST_RESPONSE = Duration.ofHours(4);

    private static final Duration NEXT_RESPONSE = Duration.ofHours(8);

    private static final String[] FIRST = {
        "Olivia",
        "Liam",
        "Emma",
        "Noah",
        "Ava",
        "Elijah",
        "Sophia",
        "James",
        "Isabella",
        "Lucas",
        "Mia",
        "Mateo",
        "Amelia",
        "Benjamin",
        "Harper",
        "Henry",
        "Evelyn",
        "Theodore",
        "Camila",
        "Jack",
        "Aisha",
        "Wei",
        "Priya",
        "Diego",
        "Fatima",
        "Hiroshi",
        "Grace",
        "Omar",
        "Chloe",
        "Samuel",
        "Nora",
        "David",
        "Zoe",
        "Daniel",
        "Lena",
        "Marcus",
        "Ruth",
        "Andre",
        "Yuki",
        "Carmen"
    };
    private static final String[] LAST = {
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Martinez",
        "Hernandez",
        "Lopez",
        "Gonzalez",
        "Wilson",
        "Anderson",
        "Thomas",
        "Taylor",
        "Moore",
        "Jackson",
        "Martin",
        "Lee",
        "Perez",
        "Thompson",
        "White",
        "Harris",
        "Sanchez",
        "Clark",
        "Ramirez",
        "Lewis",
        "Robinson",
        "Walker",
        "Young",
        "Allen",
        "King",
        "Wright",
        "Scott",
        "Nguyen",
        "Hill",
        "Flores",
        "Patel"
    };
    private static final String[] MODELS = {"Aurora", "Meridian", "Solstice", "Cascade", "Summit"};

    private record Story(String team, String subject, String opening, String answer, String followUp) {}

    private static final List<Story> STORIES = List.of(
            new Story(
                    "delivery",
                    "Delivery date for my %s keeps moving",
                    "My %s was due on the 14th. The dealer now says 'a few more weeks' but nobody can tell me why."
                            + " I have already sold my old car.",
                    "I am sorry about the uncertainty. Your car left the plant yesterday and is on the train to the"
                            + " regional hub; I will confirm the delivery slot by Friday.",
                    "Thank you. Friday works, but please call rather than email."),
            new Story(
                    "service",
                    "Warning light after the last service",
                    "Since the 20,000-mile service of my %s the tire-pressure light comes on every morning.",
                    "Thanks for telling us. That points to a sensor that was not re-learned after the tire rotation."
                            + " The nearest service center can do it in 20 minutes; shall I book you in?",
                    "Yes please, Tuesday morning if possible."),
            new Story(
                    "billing",
                    "Charged twice for the extended warranty",
                    "My card statement shows the extended warranty for my %s twice, 1,490 dollars each.",
                    "You are right, the second charge is a duplicate. I have requested the refund; it shows on your"
                            + " statement within 5 business days.",
                    "Great, thank you for the quick answer."),
            new Story(
                    "product",
                    "Phone keeps disconnecting from the infotainment",
                    "Since the last software update my phone drops the connection to the %s every few minutes.",
                    "The update 4.2.1 fixes that pairing issue. It installs over the air tonight if the car is parked"
                            + " with enough charge.",
                    "It still happens after the update, unfortunately."),
            new Story(
                    "service",
                    "Mobile service for my %s?",
                    "I live 90 miles from the nearest service center. Can the annual inspection be done at my home?",
                    "Yes, our mobile service covers your area. A technician can come on any weekday; which day suits"
                            + " you?",
                    "Thursday afternoon would be ideal."),
            new Story(
                    "delivery",
                    "Paperwork missing at delivery",
                    "I picked up my %s today but the registration documents were not in the folder.",
                    "The documents were sent to the dealer by courier this morning. We will forward them to you by"
                            + " registered mail.",
                    null),
            new Story(
                    "product",
                    "Range much lower in winter",
                    "My %s shows 180 miles of range instead of the 290 advertised since it got cold.",
                    "Cold weather reduces range; pre-conditioning while plugged in helps a lot. I have sent you a short"
                            + " guide.",
                    "The guide helped, I now get about 230 miles."),
            new Story(
                    "billing",
                    "Lease end: who inspects the car?",
                    "My lease of the %s ends next month. How does the return inspection work?",
                    "An independent inspector contacts you three weeks before the end date and comes to your home.",
                    null));

    private final DemoProperties properties;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final CaseManagement cases;
    private final SlaClockService clocks;
    private final OwnerEscalations ownerEscalations;
    private final Promises promises;
    private final DemoDelays delays;
    private final DemoSurveys surveys;
    private final Orders orders;
    private final DemoServiceCenters serviceCenters;
    private final Clock clock;

    DemoData(
            DemoProperties properties,
            CustomerManagement customers,
            UserManagement users,
            CaseManagement cases,
            SlaClockService clocks,
            OwnerEscalations ownerEscalations,
            Promises promises,
            DemoDelays delays,
            DemoSurveys surveys,
            Orders orders,
            DemoServiceCenters serviceCenters,
            Clock clock) {
        this.properties = properties;
        this.customers = customers;
        this.users = users;
        this.cases = cases;
        this.clocks = clocks;
        this.ownerEscalations = ownerEscalations;
        this.promises = promises;
        this.delays = delays;
        this.surveys = surveys;
        this.orders = orders;
        this.serviceCenters = serviceCenters;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (users.exists("agent")) {
            // an install seeded before the service centers came gets them once
            if (serviceCenters.none()) {
                serviceCenters.open(loadCities());
            }
            log.info(
                    "Demo logins: agent, agent2, supervisor, executive, demo-admin, owner, with the password {}.",
                    configuredPassword()
                            ? "from directline.demo.password"
                            : "printed to the console at the first start (lost? delete the data directory,"
                                    + " directline.data-dir, and start afresh)");
            return;
        }
        String password = configuredPassword() ? properties.password() : UserManagement.generatePassword();
        if (!UserManagement.passwordFits(password)) {
            throw new IllegalStateException("directline.demo.password is longer than "
                    + UserManagement.MAX_PASSWORD_BYTES + " bytes in UTF-8; choose a shorter one.");
        }
        long started = System.nanoTime();
        var random = new Random(properties.seed());
        var cityList = loadCities();
        var cities = new WeightedCities(cityList);
        var owners = createOwners(random, cities);
        createStaffAndOwnerLogin(owners.get(0), password);
        int created = createCases(random, owners);
        int escalated = escalateSome(owners);
        int late = createLateCases(owners);
        int promised = makePromises(random, owners);
        int delayed = placeOrders(random, owners);
        int told = delays.tell(delayedOwners(owners), MODELS);
        int centers = serviceCenters.open(cityList);
        log.info(
                "Demo data: {} owners in {} cities, each with an order ({} delayed), {} cases ({} with the executive"
                        + " office, {} coming due to climb the ladder, {} with a promise), {} more orders slipping"
                        + " now, {} service centers, in {} ms.",
                owners.size(),
                cities.size(),
                delayed,
                created + late + promised + 1,
                escalated,
                late,
                promised,
                told,
                centers,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        printLogins(password);
    }

    /** The demo's own owner and two others whose deliveries slip; the last of them asks before being told. */
    private static List<Customer> delayedOwners(List<Customer> owners) {
        var picked = new java.util.LinkedHashSet<Customer>();
        picked.add(owners.get(0));
        picked.add(owners.get(owners.size() / 3));
        picked.add(owners.get(owners.size() / 2));
        return List.copyOf(picked);
    }

    /** The reasons a delivery slips in the demo: the owners read them. */
    private static final String[] DELAYS = {
        "Battery cells from our supplier arrive three weeks late.",
        "The ferry to the port was cancelled by the storm; your car waits for the next sailing.",
        "A paint-shop inspection found a flaw; your car is being repainted."
    };

    /**
     * One order per owner, reserved and confirmed months ago, some in production or on their way, delivery promised
     * over the coming months; one in twenty-five delivery estimates slipped past the promise, with the reason. The
     * signed-in demo owner's order is one of them.
     *
     * @return how many deliveries are delayed
     */
    private int placeOrders(Random random, List<Customer> owners) {
        var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        int delayed = 0;
        var batch = new ArrayList<Map.Entry<String, OrderDetails>>(BATCH);
        for (int i = 0; i < owners.size(); i++) {
            var owner = owners.get(i);
            var reserved = today.minusDays(60 + random.nextInt(300));
            var confirmed = reserved.plusDays(7 + random.nextInt(14));
            var promised = today.plusDays(20 + random.nextInt(300));
            var plans = new java.util.EnumMap<Milestone, MilestonePlan>(Milestone.class);
            plans.put(Milestone.RESERVATION, new MilestonePlan(reserved, null, reserved));
            plans.put(Milestone.ORDER_CONFIRMED, new MilestonePlan(confirmed, null, confirmed));
            var production = promised.minusDays(45);
            plans.put(
                    Milestone.IN_PRODUCTION,
                    new MilestonePlan(production, null, production.isAfter(today) ? null : production));
            boolean late = i == 0 || random.nextInt(25) == 0;
            String reason = null;
            if (late) {
                reason = DELAYS[random.nextInt(DELAYS.length)];
                delayed++;
            }
            plans.put(
                    Milestone.DELIVERED,
                    new MilestonePlan(promised, late ? promised.plusDays(10 + random.nextInt(40)) : null, null));
            var address = owner.getAddress();
            batch.add(Map.entry(
                    String.format("ORD-%06d", i + 1),
                    new OrderDetails(
                            owner.getId(),
                            MODELS[random.nextInt(MODELS.length)],
                            random.nextBoolean() ? "Long range, midnight blue" : "Standard range, glacier white",
                            address == null ? null : address.region(),
                            address == null ? null : address.postalCode(),
                            address == null ? null : address.latitude(),
                            address == null ? null : address.longitude(),
                            random.nextInt(10) == 0 ? java.util.Set.of("launch-edition") : java.util.Set.of(),
                            plans,
                            reason,
                            "demo",
                            // $35,000 to $120,000 in steps of $500, spread over the owners without drawing from random
                            io.directline.journey.Price.usd(35_000 + ((i * 7919L) % 171) * 500))));
            if (batch.size() == BATCH) {
                orders.upsertAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            orders.upsertAll(batch);
        }
        return delayed;
    }

    private boolean configuredPassword() {
        return properties.password() != null && !properties.password().isBlank();
    }

    private List<Customer> createOwners(Random random, WeightedCities cities) {
        var created = new ArrayList<Customer>(properties.owners());
        var batch = new ArrayList<CustomerDetails>(BATCH);
        for (int i = 0; i < properties.owners(); i++) {
            var city = cities.pick(random);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            // scatter a few kilometres around the city centre (1 degree of latitude is about 111 km)
            double lat = city.latitude() + (random.nextGaussian() * 4 / 111.0);
            double lon = city.longitude()
                    + (random.nextGaussian() * 4 / (111.0 * Math.cos(Math.toRadians(city.latitude()))));
            var channel = pickChannel(random);
            batch.add(new CustomerDetails(
                    first + " " + last,
                    (first + "." + last + "." + (i + 1) + "@example.com").toLowerCase(),
                    String.format("+1-555-%07d", i + 1),
                    channel,
                    random.nextInt(3) == 0 ? new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)) : null,
                    timeZone(city.longitude()),
                    new Address(
                            (100 + random.nextInt(9800)) + " " + LAST[random.nextInt(LAST.length)] + " Street",
                            city.name(),
                            String.format("%05d", random.nextInt(99_999)),
                            city.region(),
                            city.country(),
                            Math.round(lat * 1e5) / 1e5,
                            Math.round(lon * 1e5) / 1e5),
                    BigDecimal.valueOf(30_000 + random.nextInt(220_000)),
                    channel == Channel.X || channel == Channel.MASTODON
                            ? Map.of(channel.name().toLowerCase(), "@" + first.toLowerCase() + last.toLowerCase() + i)
                            : Map.of()));
            if (batch.size() == BATCH) {
                created.addAll(customers.registerAll(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            created.addAll(customers.registerAll(batch));
        }
        return created;
    }

    private void createStaffAndOwnerLogin(Customer firstOwner, String pw) {
        users.createUser(new NewUser(
                "agent", pw, "Alex Morgan", "alex.morgan@directline.example", "service", Set.of(Role.AGENT), null));
        users.createUser(new NewUser(
                "agent2", pw, "Sam Rivera", "sam.rivera@directline.example", "delivery", Set.of(Role.AGENT), null));
        users.createUser(new NewUser(
                "supervisor",
                pw,
                "Jordan Lee",
                "jordan.lee@directline.example",
                "service",
                Set.of(Role.SUPERVISOR),
                null));
        users.createUser(new NewUser(
                "executive",
                pw,
                "Dana Whitfield",
                "dana.whitfield@directline.example",
                null,
                Set.of(Role.EXECUTIVE),
                null));
        users.createUser(new NewUser("demo-admin", pw, "Robin Admin", null, null, Set.of(Role.ADMIN), null));
        users.createUser(new NewUser(
                "owner",
                pw,
                firstOwner.getName(),
                firstOwner.getEmail(),
                null,
                Set.of(Role.OWNER),
                firstOwner.getId()));
    }

    private int createCases(Random random, List<Customer> owners) {
        var now = clock.instant();
        var statuses = CaseStatus.values();
        String[][] staff = {{"agent", "Alex Morgan"}, {"agent2", "Sam Rivera"}, {"supervisor", "Jordan Lee"}};
        var batch = new ArrayList<ImportedCase>(BATCH);
        int created = 0;
        for (int i = 0; i < properties.cases(); i++) {
            // the demo owner login gets the first cases, one in each status
            var owner = i < statuses.length ? owners.get(0) : owners.get(random.nextInt(owners.size()));
            var status = i < statuses.length ? statuses[i] : pickStatus(random);
            var story = STORIES.get(random.nextInt(STORIES.size()));
            String model = MODELS[random.nextInt(MODELS.length)];
            // a case still open was opened within its resolution target (5 days); a settled one up to 45 days ago
            boolean open =
                    status == CaseStatus.NEW || status == CaseStatus.OPEN || status == CaseStatus.WAITING_ON_COMPANY;
            var opened = now.minus(Duration.ofMinutes(20 + random.nextInt(60 * 24 * (open ? 3 : 45))));
            String[] holder = status == CaseStatus.NEW ? null : staff[random.nextInt(staff.length)];
            var messages = new ArrayList<ImportedMessage>();
            messages.add(new ImportedMessage(
                    Direction.INBOUND, owner.getName(), null, story.opening().formatted(model), opened));
            Instant t = opened;
            if (holder != null) {
                t = t.plus(Duration.ofMinutes(15 + random.nextInt(600)));
                messages.add(new ImportedMessage(Direction.OUTBOUND, holder[1], holder[0], story.answer(), t));
                // most open cases were answered last: the owner wrote again on a few, and on those waiting on us
                boolean wroteAgain = status == CaseStatus.WAITING_ON_COMPANY
                        || (status == CaseStatus.OPEN
                                ? random.nextInt(6) == 0
                                : status != CaseStatus.WAITING_ON_CUSTOMER);
                if (story.followUp() != null && wroteAgain) {
                    t = t.plus(Duration.ofMinutes(30 + random.nextInt(1200)));
                    messages.add(new ImportedMessage(Direction.INBOUND, owner.getName(), null, story.followUp(), t));
                }
                if (random.nextInt(4) == 0) {
                    t = t.plus(Duration.ofMinutes(5));
                    messages.add(new ImportedMessage(
                            Direction.INTERNAL,
                            holder[1],
                            holder[0],
                            "Checked the order history; owner has had two earlier contacts about this.",
                            t));
                }
            }
            var shift = recentShift(messages, open, now, random);
            opened = opened.plus(shift);
            messages = shifted(messages, shift);
            batch.add(new ImportedCase(
                    owner.getId(),
                    story.subject().formatted(model),
                    i < statuses.length ? Channel.PORTAL : owner.getPreferredChannel(),
                    pickPriority(random),
                    status,
                    holder == null ? null : holder[0],
                    story.team(),
                    random.nextInt(3) == 0 ? Set.of(model.toLowerCase()) : Set.of(),
                    opened,
                    messages));
            if (batch.size() == BATCH) {
                created += importSettled(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            created += importSettled(batch);
        }
        return created;
    }

    /**
     * How far to move a case's history so that it tells a company that answers: an open case whose owner wrote
     * last was written to minutes or hours ago, within the first-response target, never weeks ago; and no
     * message lies in the future.
     */
    private static Duration recentShift(List<ImportedMessage> messages, boolean open, Instant now, Random random) {
        var lastWord = messages.stream()
                .filter(m -> m.direction() != Direction.INTERNAL)
                .reduce((first, second) -> second)
                .orElseThrow();
        var last = messages.get(messages.size() - 1).at();
        if (open && lastWord.direction() == Direction.INBOUND) {
            // waiting 10 minutes to 3 hours: within the 4-hour first-response target
            var writtenAt = now.minus(Duration.ofMinutes(10 + random.nextInt(170)));
            return Duration.between(last, writtenAt);
        }
        var latest = now.minus(Duration.ofMinutes(5));
        return last.isAfter(latest)
                ? Duration.between(last, latest.minus(Duration.ofMinutes(random.nextInt(60))))
                : Duration.ZERO;
    }

    private static ArrayList<ImportedMessage> shifted(List<ImportedMessage> messages, Duration shift) {
        var moved = new ArrayList<ImportedMessage>(messages.size());
        for (var m : messages) {
            moved.add(new ImportedMessage(m.direction(), m.author(), m.authorUser(), m.body(), m.at().plus(shift)));
        }
        return moved;
    }

    private static final String[][] LATE = {
        {"service", "My %s will not charge at home since this morning", "agent"},
        {"service", "Recall letter for my %s, but no appointment offered", "agent"},
        {"delivery", "Nobody came to the handover of my %s", "agent2"},
        {"product", "Navigation of my %s sends me into closed roads", "agent"},
    };

    /**
     * Cases whose owner wrote just under four hours ago and is still waiting for a first answer: their clocks run
     * out {@link #LATE_AFTER_START} after the load, and the watchdog climbs them in front of the newcomer (the
     * holder's notification, the owner's notice and the recovery promise), as every breach Direct Line watches.
     */
    private int createLateCases(List<Customer> owners) {
        var now = clock.instant();
        var written = now.minus(FIRST_RESPONSE).plus(LATE_AFTER_START);
        var batch = new ArrayList<ImportedCase>();
        for (int i = 0; i < LATE.length; i++) {
            var owner = storyOwner(owners, i);
            String model = MODELS[i % MODELS.length];
            String subject = LATE[i][1].formatted(model);
            batch.add(new ImportedCase(
                    owner.getId(),
                    subject,
                    owner.getPreferredChannel(),
                    Priority.HIGH,
                    CaseStatus.OPEN,
                    LATE[i][2],
                    LATE[i][0],
                    Set.of(),
                    written,
                    List.of(new ImportedMessage(
                            Direction.INBOUND,
                            owner.getName(),
                            null,
                            subject + ". Please call me back today.",
                            written))));
        }
        return importWithClocks(batch);
    }

    /** The {@code k}-th owner from the end, never the demo's own owner (the first) when there are others. */
    private static Customer storyOwner(List<Customer> owners, int k) {
        return owners.size() == 1 ? owners.get(0) : owners.get(owners.size() - 1 - (k % (owners.size() - 1)));
    }

    private static final String[][] PROMISES = {
        {"I will confirm the delivery slot by phone.", "Thank you, I will wait for your call."},
        {"I will send you the refund confirmation.", "Thanks, please do."},
        {"I will book the sensor re-learn and send you the time.", "Great, mornings suit me best."},
        {"I will check with the plant and tell you the new date.", "Please do, I need to plan."},
    };

    /**
     * Promises staff made on answered cases: kept (answered before their due time), still open and due within
     * days, and broken: those come due {@link #LATE_AFTER_START} after the load, and one of them on a case whose
     * owner also waits just under the next-response target, so that case climbs twice, to the executive office.
     * Returns how many cases were created for them.
     */
    private int makePromises(Random random, List<Customer> owners) {
        int kept = 6;
        int open = 4;
        int broken = 3;
        var now = clock.instant();
        var batch = new ArrayList<ImportedCase>();
        for (int i = 0; i < kept + open + broken; i++) {
            var owner = storyOwner(owners, LATE.length + i);
            var story = STORIES.get(i % STORIES.size());
            var promise = PROMISES[i % PROMISES.length];
            String model = MODELS[i % MODELS.length];
            boolean twice = i == kept + open;
            var opened = now.minus(Duration.ofHours(10 + random.nextInt(30)));
            var messages = new ArrayList<ImportedMessage>();
            messages.add(new ImportedMessage(
                    Direction.INBOUND, owner.getName(), null, story.opening().formatted(model), opened));
            var answered =
                    twice ? now.minus(NEXT_RESPONSE).minus(Duration.ofMinutes(30)) : opened.plus(Duration.ofHours(2));
            messages.add(new ImportedMessage(
                    Direction.OUTBOUND, "Alex Morgan", "agent", story.answer() + " " + promise[0], answered));
            if (twice) {
                messages.add(new ImportedMessage(
                        Direction.INBOUND,
                        owner.getName(),
                        null,
                        promise[1] + " Any news?",
                        now.minus(NEXT_RESPONSE).plus(LATE_AFTER_START)));
            }
            batch.add(new ImportedCase(
                    owner.getId(),
                    story.subject().formatted(model),
                    owner.getPreferredChannel(),
                    Priority.NORMAL,
                    twice ? CaseStatus.WAITING_ON_COMPANY : CaseStatus.OPEN,
                    "agent",
                    story.team(),
                    Set.of(),
                    opened,
                    messages));
        }
        var ids = cases.importCases(batch);
        ids.forEach(clocks::armImported);
        var agent = new Actor("agent", "Alex Morgan", Channel.PORTAL);
        for (int i = 0; i < ids.size(); i++) {
            long caseId = ids.get(i);
            var promise = PROMISES[i % PROMISES.length];
            Instant due =
                    i < kept + open ? now.plus(Duration.ofHours(6 + random.nextInt(42))) : now.plus(LATE_AFTER_START);
            var made = promises.record(caseId, promise[0], due, "agent", agent);
            if (i < kept) {
                promises.keep(caseId, made.getId(), "As promised: done. Tell me if anything else is unclear.", agent);
            }
        }
        return ids.size();
    }

    private static final String[][] ESCALATIONS = {
        {"delivery", "My car was promised for the first of the month and the dealer still cannot give me a date."},
        {"service", "Third visit for the same rattle and every time I am told it is normal. It is not normal."},
        {"delivery", "I paid the deposit four months ago and nobody answers my questions about the delivery."},
        {"service", "The courtesy car I was promised during the repair never came and I missed two days of work."},
    };

    /**
     * A few owners take one of their open portal cases to an executive, through the guard like the button, so the
     * executive office has a queue at the first start. The demo's own owner (the first) keeps the button to try.
     */
    private int escalateSome(List<Customer> owners) {
        int made = 0;
        for (int i = 1; i < owners.size() && made < ESCALATIONS.length; i++) {
            var owner = owners.get(i);
            var open = cases
                    .search(new CaseFilter(Set.of(CaseStatus.OPEN), null, null, owner.getId(), null), 0, 5)
                    .items()
                    .stream()
                    .filter(c -> c.getChannel() == Channel.PORTAL)
                    .findFirst();
            if (open.isEmpty()) {
                continue;
            }
            var escalation = ESCALATIONS[made];
            var actor = new Actor("demo-owner-" + owner.getId(), owner.getName(), Channel.PORTAL);
            if (ownerEscalations
                    .escalate(open.get().getId(), owner.getId(), escalation[1], escalation[0], actor)
                    .isPresent()) {
                made++;
            }
        }
        return made;
    }

    /** Imports a batch of cases and arms their SLA clocks from their history; returns how many were imported. */
    private int importWithClocks(List<ImportedCase> batch) {
        return importedWithClocks(batch).size();
    }

    private List<Long> importedWithClocks(List<ImportedCase> batch) {
        var ids = cases.importCases(batch);
        ids.forEach(clocks::armImported);
        return ids;
    }

    /** As {@link #importWithClocks}, and the settled cases' owners answer the survey that followed, as owners do. */
    private int importSettled(List<ImportedCase> batch) {
        var ids = importedWithClocks(batch);
        var settled = new ArrayList<DemoSurveys.Settled>();
        for (int i = 0; i < ids.size(); i++) {
            var imported = batch.get(i);
            if (imported.status() == CaseStatus.RESOLVED || imported.status() == CaseStatus.CLOSED) {
                var last =
                        imported.messages().get(imported.messages().size() - 1).at();
                settled.add(new DemoSurveys.Settled(ids.get(i), last));
            }
        }
        surveys.answer(settled);
        return ids.size();
    }

    /**
     * Shows the demo logins. A generated password goes to the console (standard output) only, never through the
     * logger, whose events may be kept in files or shipped as structured JSON; a configured one is not repeated.
     */
    private void printLogins(String password) {
        String logins = "      agent, agent2 (AGENT) · supervisor (SUPERVISOR) · executive (EXECUTIVE)\n"
                + "      demo-admin (ADMIN) · owner (OWNER, an owner with cases in every status)\n"
                + "    Open http://localhost:8080 and sign in.\n";
        if (configuredPassword()) {
            log.info("\n\n    Demo logins, all with the password from directline.demo.password:\n{}", logins);
            return;
        }
        System.out.println("\n    Demo logins, all with the generated password  " + password
                + "\n    (shown only this once; set DIRECTLINE_DEMO_PASSWORD to choose it yourself)\n" + logins);
        System.out.flush();
        log.info("Demo logins created; their generated password was printed once to the console (standard output).");
    }

    private static Channel pickChannel(Random random) {
        int r = random.nextInt(100);
        return r < 45
                ? Channel.EMAIL
                : r < 70
                        ? Channel.PORTAL
                        : r < 82 ? Channel.SMS : r < 92 ? Channel.PHONE : r < 97 ? Channel.X : Channel.MASTODON;
    }

    private static CaseStatus pickStatus(Random random) {
        int r = random.nextInt(100);
        // a company that answers: few cases wait for their first answer or on the company
        return r < 3
                ? CaseStatus.NEW
                : r < 36
                        ? CaseStatus.OPEN
                        : r < 53
                                ? CaseStatus.WAITING_ON_CUSTOMER
                                : r < 58
                                        ? CaseStatus.WAITING_ON_COMPANY
                                        : r < 83 ? CaseStatus.RESOLVED : CaseStatus.CLOSED;
    }

    private static Priority pickPriority(Random random) {
        int r = random.nextInt(100);
        return r < 15 ? Priority.LOW : r < 75 ? Priority.NORMAL : r < 93 ? Priority.HIGH : Priority.URGENT;
    }

    /** A rough US time zone from the longitude; good enough for demo owners. */
    static String timeZone(double longitude) {
        if (longitude > -87.5) {
            return "America/New_York";
        }
        if (longitude > -101) {
            return "America/Chicago";
        }
        if (longitude > -115) {
            return "America/Denver";
        }
        if (longitude > -130) {
            return "America/Los_Angeles";
        }
        return longitude > -150 ? "America/Anchorage" : "Pacific/Honolulu";
    }

    private static List<City> loadCities() {
        var mapper = new CsvMapper();
        var schema = CsvSchema.emptySchema().withHeader();
        try (var in = new ClassPathResource("demo/cities-us-50k.csv").getInputStream();
                var rows = mapper.readerFor(City.class).with(schema).readValues(in)) {
            var cities = new ArrayList<City>();
            while (rows.hasNextValue()) {
                cities.add((City) rows.nextValue());
            }
            return cities;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
