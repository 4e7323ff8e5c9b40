package io.directline.cases.inbox;

import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseStakes;
import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent's inbox: filters, paging, most at stake first (by default), soonest breach first or most recently
 * changed first, each row saying why it is where it is, and rows that refresh themselves.
 */
@Controller
class InboxController {

    static final int PAGE_SIZE = 25;

    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final CasesProperties properties;
    private final ObjectProvider<CaseStakes> stakes;
    private final Clock clock;

    InboxController(
            CaseManagement cases,
            CustomerManagement customers,
            UserManagement users,
            CasesProperties properties,
            ObjectProvider<CaseStakes> stakes,
            Clock clock) {
        this.cases = cases;
        this.stakes = stakes;
        this.clock = clock;
        this.customers = customers;
        this.users = users;
        this.properties = properties;
    }

    @GetMapping("/inbox")
    String inbox(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestParam(required = false) Set<CaseStatus> status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("sorts", CaseFilter.Sort.values());
        model.addAttribute(
                "refreshSeconds", Math.max(1, properties.inboxRefresh().toSeconds()));
        rows(status, assignee, team, sort, page, model);
        return "cases/inbox";
    }

    @GetMapping("/inbox/rows")
    String rows(
            @RequestParam(required = false) Set<CaseStatus> status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var order = sort == null || sort.isBlank() ? CaseFilter.Sort.PRIORITY : CaseFilter.Sort.of(sort);
        // "?status=" is a set with nothing in it
        Set<CaseStatus> chosen = status == null
                ? Set.of()
                : status.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Set<CaseStatus> statuses = chosen.isEmpty()
                ? EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING_ON_COMPANY)
                : EnumSet.copyOf(chosen);
        int safePage = Math.max(0, Math.min(page, 100_000));
        var slice = cases.search(new CaseFilter(statuses, assignee, team, null, null, order), safePage, PAGE_SIZE);
        var staff = users.staff();
        model.addAttribute("staff", staff);
        model.addAttribute(
                "staffNames",
                staff.stream().collect(Collectors.toMap(StaffMember::username, StaffMember::displayName)));
        model.addAttribute("cases", slice.items());
        var stake = stakes.getIfAvailable();
        var now = clock.instant();
        model.addAttribute(
                "whyHere",
                slice.items().stream()
                        .collect(Collectors.toMap(
                                SupportCase::getId,
                                c -> stake == null
                                        ? java.util.Objects.requireNonNullElse(c.getStakeReason(), "—")
                                        : stake.whyHere(c, now))));
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", slice.hasNext());
        model.addAttribute("selectedStatuses", statuses);
        model.addAttribute("assignee", assignee == null ? "" : assignee);
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("sort", order.param());
        model.addAttribute(
                "customerNames",
                customers.namesOf(
                        slice.items().stream().map(SupportCase::getCustomerId).collect(Collectors.toSet())));
        return "cases/inbox :: rows";
    }
}
