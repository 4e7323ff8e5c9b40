package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseManagement;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.EscalationFixtures;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.sla.SlaFixtures;
import io.directline.testsupport.Caller;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenClient;
import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No screen answers bad input with a 500. Every form of the screens (found in the controllers' mappings, so a new form
 * is covered as it is written) is posted over real HTTP, signed in as each role with a session and its CSRF token,
 * with malformed fields: empty, 100 KB long, words where numbers or dates belong, negative and huge numbers, unknown
 * choices, a NUL character; one field at a time with the others sensible, and all at once. The screens' filters (GET
 * with query parameters) get the same. A refusal is the page again with its message (HTML), a redirect (back to the
 * form, or to sign in), or 403/404; never a server error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenFormsBadInputTests {

    private static final String HUNDRED_KB = "x".repeat(100 * 1024);

    /** Values no form should store as they are, nor choke on. */
    private static final List<String> BAD = List.of(
            "",
            "   ",
            HUNDRED_KB,
            "not a value",
            "-1",
            "99999999999999999999",
            "2026-13-45T25:61",
            "NOT_A_CHOICE",
            "nul\u0000inside",
            "<script>alert(1)</script>");

    /** Bad values for a path variable. */
    private static final List<String> BAD_IDS =
            List.of("-1", "0", "abc", "99999999999999999999", "9223372036854775807");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserManagement users;

    private final Map<Caller, ScreenClient> clients = new EnumMap<>(Caller.class);
    private final Map<String, String> ids = new TreeMap<>();
    private String agent;
    private final String policyPrefix =
            "Bad input " + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void peopleAndThingsToPostAbout() {
        var people = new People(customers, users, cases);
        var owner = people.owner("Fuzzy");
        var agentLogin = people.agent("Fuzzy");
        agent = agentLogin.username();
        var supervisor = people.supervisor("Fuzzy", "support");
        var admin = people.admin("Fuzzy");
        var executive = people.staff("Fuzzy", Role.EXECUTIVE, null).username();

        clients.put(Caller.ANONYMOUS, ScreenClient.anonymous(port));
        clients.put(Caller.OWNER, ScreenClient.signedIn(port, owner.username(), People.PASSWORD));
        clients.put(Caller.AGENT, ScreenClient.signedIn(port, agent, People.PASSWORD));
        clients.put(Caller.SUPERVISOR, ScreenClient.signedIn(port, supervisor.username(), People.PASSWORD));
        clients.put(Caller.EXECUTIVE, ScreenClient.signedIn(port, executive, People.PASSWORD));
        clients.put(Caller.ADMIN, ScreenClient.signedIn(port, admin.username(), People.PASSWORD));

        ids.put("customer", String.valueOf(owner.customerId()));
        long caseId = people.caseWithConversation(owner, agentLogin);
        ids.put("case", String.valueOf(caseId));
        ids.put(
                "message",
                String.valueOf(context.getBean(JdbcTemplate.class)
                        .queryForObject("select max(id) from case_message where case_id = ?", Long.class, caseId)));

        var photo = cases.reply(
                caseId,
                "A photo of the part.",
                null,
                new io.directline.cases.Actor(agent, "Fuzzy Agent", io.directline.customer.Channel.PORTAL),
                List.of(new io.directline.cases.Attachments.NewFile(
                        "part.jpg",
                        () -> new java.io.ByteArrayInputStream(
                                io.directline.cases.attachment.AttachmentFixtures.photo(32, 24)))));
        ids.put(
                "attachment",
                String.valueOf(context.getBean(JdbcTemplate.class)
                        .queryForObject(
                                "select max(id) from attachment where message_id = ?", Long.class, photo.getId())));

        long oldCase = EscalationFixtures.oldCase(cases, owner.customerId(), Duration.ofDays(3));
        var escalated = clients.get(Caller.OWNER)
                .post(
                        "/portal/cases/" + oldCase + "/executive-escalation",
                        Map.of(
                                "reason",
                                EscalationFixtures.REASON,
                                "domain",
                                "service",
                                "requestKey",
                                UUID.randomUUID().toString()),
                        "/portal/cases/" + oldCase);
        assertThat(escalated.status()).as("%s", escalated).isEqualTo(302);
        var escalation = context.getBean(JdbcTemplate.class)
                .queryForObject("select max(id) from executive_escalation where case_id = ?", Long.class, oldCase);
        ids.put("escalation", String.valueOf(escalation));

        var promise = clients.get(Caller.AGENT)
                .post(
                        "/cases/" + caseId + "/promises",
                        Map.of(
                                "description",
                                "We will call you back.",
                                "dueAt",
                                "2036-01-05T10:00",
                                "responsible",
                                agent),
                        "/cases/" + caseId + "/promises");
        assertThat(promise.status()).as("%s", promise).isEqualTo(302);
        ids.put(
                "promise",
                String.valueOf(context.getBean(JdbcTemplate.class)
                        .queryForObject("select max(id) from promise where case_id = ?", Long.class, caseId)));
        var broadcastModel = "Fuzzy " + UUID.randomUUID().toString().substring(0, 8);
        io.directline.broadcast.BroadcastFixtures.ordersOfModel(
                context, List.of(owner.customerId()), broadcastModel, "a bad-input check");
        ids.put(
                "broadcast",
                io.directline.broadcast.BroadcastFixtures.create(
                                io.directline.identity.IdentityFixtures.admin(port), broadcastModel)
                        .path("id")
                        .asString());
        var notices = context.getBean(io.directline.channel.Notices.class);
        var noticeSource = "fuzzy:" + UUID.randomUUID();
        notices.queue(new io.directline.channel.Notice(
                owner.customerId(),
                noticeSource,
                "A notice to answer",
                "A notice the owner may answer.",
                null,
                "Direct Line",
                caseId,
                noticeSource));
        ids.put(
                "notice",
                String.valueOf(notices.ofOwner(owner.customerId(), 100).stream()
                        .filter(n -> noticeSource.equals(n.source()))
                        .findFirst()
                        .orElseThrow()
                        .id()));
        ids.put(
                "notification",
                String.valueOf(SlaFixtures.staffNotification(context, agent, caseId, "Fuzzy's case is yours now.")));
        var policy = clients.get(Caller.ADMIN)
                .post("/admin/sla-policies", validPolicy(policyPrefix + " edited"), "/admin/sla-policies");
        assertThat(policy.status()).as("%s", policy).isEqualTo(302);
        ids.put(
                "policy",
                String.valueOf(context.getBean(JdbcTemplate.class)
                        .queryForObject(
                                "select max(id) from sla_policy where name = ?",
                                Long.class,
                                policyPrefix + " edited")));
        var orders = clients.get(Caller.ADMIN)
                .post(
                        "/admin/orders/import",
                        Map.of(
                                "csv",
                                "ref,owner,model\nFZ-" + UUID.randomUUID() + "," + owner.customerId() + ",Aurora GT\n"),
                        "/admin/orders/import");
        assertThat(orders.status()).as("%s", orders).isEqualTo(302);
        ids.put("import", orders.location().substring(orders.location().lastIndexOf('/') + 1));
        // an open survey of the owner's, about a case of its own (one survey per case)
        long surveyed = EscalationFixtures.oldCase(cases, owner.customerId(), Duration.ofDays(1));
        var now = java.time.Instant.now();
        context.getBean(JdbcTemplate.class)
                .update(
                        "insert into survey (customer_id, case_id, kind, channel, token_hash, sent_at, expires_at)"
                                + " values (?, ?, 'CSAT', 'EMAIL', ?, ?, ?)",
                        owner.customerId(),
                        surveyed,
                        "bad-input-" + UUID.randomUUID(),
                        java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(now.plus(Duration.ofDays(7))));
        ids.put(
                "survey",
                String.valueOf(context.getBean(JdbcTemplate.class)
                        .queryForObject("select id from survey where case_id = ?", Long.class, surveyed)));
        ids.put("token", "B".repeat(32));

        // a service visit of the owner, at a center of this test's own
        var api = io.directline.identity.IdentityFixtures.admin(port);
        long center = io.directline.servicecenter.ServiceCenterFixtures.create(
                api,
                io.directline.servicecenter.ServiceCenterFixtures.center(
                        "Fuzzy", -60.5, 60.5, Map.of("TYRES", 20), List.of()));
        var visit = api.post(
                "/api/v1/service-centers/" + center + "/appointments",
                Map.of(
                        "customerId",
                        owner.customerId(),
                        "service",
                        "TYRES",
                        "day",
                        io.directline.servicecenter.ServiceCenterFixtures.openDay()));
        assertThat(visit.status()).as("%s", visit).isEqualTo(201);
        ids.put("visit", String.valueOf(visit.id()));
    }

    /** Policies defined here would apply to other tests' cases: retire them all. */
    @AfterAll
    void retireThePoliciesDefinedHere() {
        context.getBean(JdbcTemplate.class)
                .update("update sla_policy set active = false where name like ?", policyPrefix + "%");
    }

    @Test
    void everyScreenFormRefusesBadInputWithoutAServerError() {
        var forms = screenMappings("POST");
        assertThat(forms)
                .as("sanity: the screens' forms were found")
                .containsKeys(
                        "/cases/{id}",
                        "/cases/{id}/messages",
                        "/portal/cases",
                        "/portal/cases/{id}/messages",
                        "/executive/escalations/{id}/{action}",
                        "/admin/sla-policies");
        var failures = new ArrayList<String>();
        int posted = 0;
        for (var form : forms.entrySet()) {
            var pattern = form.getKey();
            var fields = form.getValue();
            var paths = paths(pattern);
            // everyone, the form as a whole: empty, and every field bad at once
            for (var caller : Caller.values()) {
                for (var bad : List.of("", HUNDRED_KB, "not a value")) {
                    var body = new LinkedHashMap<String, String>();
                    if (!bad.isEmpty()) {
                        fields.forEach(f -> body.put(f, bad));
                    }
                    posted++;
                    check(failures, clients.get(caller).post(paths.get(0), body, pageOf(paths.get(0))));
                }
            }
            for (var path : paths) {
                String from = pageOf(path);
                // the one who fills it in: one bad field at a time, the others sensible
                var filler = clients.get(whoFillsIn(pattern));
                for (var field : fields) {
                    for (var bad : BAD) {
                        var body = new LinkedHashMap<String, String>();
                        fields.forEach(f -> body.put(f, f.equals(field) ? bad : sensible(f)));
                        posted++;
                        check(failures, filler.post(path, body, from));
                    }
                }
            }
            // bad ids in the path, with a sensible form
            var filler = clients.get(whoFillsIn(pattern));
            for (var path : badPaths(pattern)) {
                var body = new LinkedHashMap<String, String>();
                fields.forEach(f -> body.put(f, sensible(f)));
                posted++;
                check(failures, filler.post(path, body, pageOf(path)));
            }
        }
        // the sign-in form, which Spring Security serves
        for (var bad : BAD) {
            posted++;
            check(
                    failures,
                    ScreenClient.anonymous(port).post("/login", Map.of("username", bad, "password", bad), "/login"));
        }
        assertThat(failures)
                .as("screen forms that failed on bad input, of %d posted", posted)
                .isEmpty();
    }

    @Test
    void theCoverageFormComesBackWithItsSentenceAndWhatWasTyped() {
        for (var typed : List.of("0", "51", "ten")) {
            var refused = clients.get(Caller.SUPERVISOR)
                    .post("/supervisor/coverage", Map.of("k", typed), "/supervisor/coverage");
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(refused.body()).contains("a whole number from 1 to 50, not ");
            assertThat(refused.body()).contains("value=\"" + typed + "\"");
        }
    }

    @Test
    void everyScreenFilterRefusesBadInputWithoutAServerError() {
        var pages = screenMappings("GET");
        var failures = new ArrayList<String>();
        for (var page : pages.entrySet()) {
            var pattern = page.getKey();
            var parameters = page.getValue();
            var filler = clients.get(whoFillsIn(pattern));
            for (var path : paths(pattern)) {
                for (var parameter : parameters) {
                    for (var bad : BAD) {
                        check(failures, filler.get(path + "?" + ScreenClient.form(Map.of(parameter, bad))));
                    }
                }
            }
            for (var path : badPaths(pattern)) {
                check(failures, filler.get(path));
            }
        }
        assertThat(failures).as("screens that failed on bad query parameters").isEmpty();
    }

    /**
     * The screens' mappings (not the API's, not the webhooks') for one method, each with the names of the fields it
     * reads: request parameters and the properties of a form object.
     */
    private Map<String, List<String>> screenMappings(String method) {
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        var found = new TreeMap<String, List<String>>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            boolean ofMethod = info.getMethodsCondition().getMethods().stream()
                    .anyMatch(m -> m.name().equals(method));
            for (var pattern : info.getPatternValues()) {
                if (ofMethod
                        && !pattern.startsWith("/api/")
                        && !pattern.startsWith("/webhooks/")
                        && !pattern.startsWith("/v3/")
                        && !pattern.startsWith("/swagger")
                        && !pattern.startsWith("/error")) {
                    found.put(pattern, fieldsOf(handler));
                }
            }
        });
        return found;
    }

    private static List<String> fieldsOf(HandlerMethod handler) {
        var fields = new TreeSet<String>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            var param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                var name = !param.name().isEmpty() ? param.name() : param.value();
                fields.add(name.isEmpty() ? parameter.getParameterName() : name);
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(parameter.getParameterType())) {
                    if (property.getWriteMethod() == null) {
                        continue;
                    }
                    if (Map.class.isAssignableFrom(property.getPropertyType())) {
                        fields.add(property.getName() + "[MONDAY]");
                    } else {
                        fields.add(property.getName());
                    }
                }
            }
        }
        return List.copyOf(fields);
    }

    /** The concrete paths of a pattern, with the ids of things that exist (and each action of the office). */
    private List<String> paths(String pattern) {
        if (pattern.endsWith("/{action}")) {
            var base = fill(pattern.substring(0, pattern.length() - "/{action}".length()));
            return List.of("approve", "refuse", "answer", "hand-back", "close", "frivolous", "no-such-action").stream()
                    .map(a -> base + "/" + a)
                    .toList();
        }
        return List.of(fill(pattern));
    }

    /** The pattern with each variable, in turn, a bad id (the others real). */
    private List<String> badPaths(String pattern) {
        var paths = new ArrayList<String>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            for (var bad : BAD_IDS) {
                var path = pattern.substring(0, m.start()) + bad + pattern.substring(m.end());
                paths.add(fill(path.replace("{action}", "close")));
            }
        }
        return paths;
    }

    private String fill(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        var filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(idFor(pattern, m.group(1))));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    private String idFor(String pattern, String variable) {
        var kind = switch (variable) {
            case "promiseId" -> "promise";
            case "messageId" -> "message";
            case "attachmentId" -> "attachment";
            case "caseId" -> "case";
            case "token" -> "token";
            case "visit" -> "visit";
            case "id" ->
                pattern.startsWith("/portal/service-visits/")
                        ? "visit"
                        : pattern.startsWith("/portal/surveys/")
                                ? "survey"
                                : pattern.startsWith("/portal/notices/")
                                        ? "notice"
                                        : pattern.startsWith("/supervisor/broadcasts/")
                                                ? "broadcast"
                                                : pattern.startsWith("/admin/orders/import/")
                                                        ? "import"
                                                        : pattern.startsWith("/executive/")
                                                                ? "escalation"
                                                                : pattern.startsWith("/notifications/")
                                                                        ? "notification"
                                                                        : pattern.startsWith("/admin/sla-policies/")
                                                                                ? "policy"
                                                                                : pattern.startsWith("/customers/")
                                                                                        ? "customer"
                                                                                        : "case";
            default ->
                throw new AssertionError("No id known for {" + variable + "} in " + pattern
                        + ": teach this test what it names, so its form is posted too");
        };
        return ids.get(kind);
    }

    /** The page a form is on, as its Referer: the path without its last step (the action). */
    private static String pageOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? path : path.substring(0, slash);
    }

    private static Caller whoFillsIn(String pattern) {
        if (pattern.startsWith("/portal")) {
            return Caller.OWNER;
        }
        if (pattern.startsWith("/admin")) {
            return Caller.ADMIN;
        }
        if (pattern.startsWith("/executive")) {
            return Caller.EXECUTIVE;
        }
        if (pattern.startsWith("/supervisor")) {
            return Caller.SUPERVISOR;
        }
        return Caller.AGENT;
    }

    private String sensible(String field) {
        return switch (field) {
            case "body", "message" -> "Thank you, we are on it.";
            case "visibility" -> "PUBLIC";
            case "channel" -> "PORTAL";
            case "ownerMessagesSeen" -> "1";
            case "status" -> "OPEN";
            case "assignee", "responsible" -> agent;
            case "priority" -> "HIGH";
            case "team" -> "support";
            case "tags" -> "hardware, k2";
            case "subject" -> "Bad input check";
            case "orderId" -> "SO-1";
            case "description" -> "We will call you back.";
            case "dueAt" -> "2036-01-05T10:00";
            case "reason" -> EscalationFixtures.REASON;
            case "domain" -> "service";
            case "requestKey" -> UUID.randomUUID().toString();
            case "responder" -> "TEAM";
            case "wait" -> "false";
            case "instructions" -> "Replace the lid this week.";
            case "note" -> "Sorted.";
            case "page" -> "0";
            case "weeks" -> "4";
            case "zone" -> "UTC";
            case "key" -> UUID.randomUUID().toString();
            default -> validPolicy(policyPrefix + " " + UUID.randomUUID()).getOrDefault(field, "ok");
        };
    }

    private Map<String, String> validPolicy(String name) {
        var policy = new LinkedHashMap<String, String>();
        policy.put("name", name);
        policy.put("channel", "MASTODON");
        policy.put("priority", "LOW");
        policy.put("tier", "VIP");
        policy.put("firstResponse", "PT1H");
        policy.put("nextResponse", "PT4H");
        policy.put("resolution", "P5D");
        policy.put("timeZone", "UTC");
        policy.put("aroundTheClock", "false");
        policy.put("hours[MONDAY]", "09:00-17:00");
        policy.put("holidays", "2036-12-25");
        return policy;
    }

    /**
     * Not a server error; a refusal in HTML, a redirect, or 403/404. A 200 is a page in HTML, or a download (a CSV
     * file sent as an attachment); a refusal is always HTML.
     */
    private static void check(List<String> failures, ScreenClient.Response response) {
        int status = response.status();
        boolean fine = switch (status) {
            case 200 -> response.contentType().startsWith("text/html") || isCsvDownload(response);
            case 400, 409, 422 -> response.contentType().startsWith("text/html");
            case 302, 303 -> response.location() != null;
            case 403, 404 -> true;
            default -> false;
        };
        if (!fine) {
            failures.add(response.toString());
        }
    }

    private static boolean isCsvDownload(ScreenClient.Response response) {
        return response.contentType().startsWith("text/csv")
                && response.raw()
                        .headers()
                        .firstValue("Content-Disposition")
                        .orElse("")
                        .startsWith("attachment");
    }
}
