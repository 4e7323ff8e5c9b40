package io.directline.testsupport;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import java.util.Set;

/**
 * Creates the people of a screen test through the module facades, each with a username and email of
 * their own, since every test class (and every run on PostgreSQL) shares one database.
 */
public final class People {

    public static final String PASSWORD = "browser-test-password";

    private final CustomerManagement customers;
    private final UserManagement users;
    private final CaseManagement cases;

    public People(CustomerManagement customers, UserManagement users, CaseManagement cases) {
        this.customers = customers;
        this.users = users;
        this.cases = cases;
    }

    /** A signed-up owner: a customer record and an OWNER login for it. */
    public record Owner(String username, String name, long customerId) {}

    /** A staff member (an agent unless made otherwise). */
    public record Agent(String username, String displayName) {}

    public Owner owner(String firstName) {
        var suffix = UniqueNames.suffix();
        var name = firstName + " Owner-" + suffix;
        var username = firstName.toLowerCase() + "." + suffix;
        var customer = customers.register(new CustomerDetails(
                name, username + "@owners.example", null, Channel.PORTAL, null, "Europe/Berlin", null, null, null));
        users.createUser(new NewUser(username, PASSWORD, null, null, null, Set.of(Role.OWNER), customer.getId()));
        return new Owner(username, name, customer.getId());
    }

    public Agent agent(String firstName) {
        return staff(firstName, Role.AGENT, "support");
    }

    /** A staff member with the SUPERVISOR role, supervising {@code team}. */
    public Agent supervisor(String firstName, String team) {
        return staff(firstName, Role.SUPERVISOR, team);
    }

    /**
     * A staff member with this role in {@code team} (or none): username {@code <role>.<first name>.<suffix>},
     * display name {@code <first name> <Role>-<suffix>}.
     */
    public Agent staff(String firstName, Role role, String team) {
        var suffix = UniqueNames.suffix();
        var roleName = role.name().charAt(0) + role.name().substring(1).toLowerCase();
        var displayName = firstName + " " + roleName + "-" + suffix;
        var username = role.name().toLowerCase() + "." + firstName.toLowerCase() + "." + suffix;
        users.createUser(
                new NewUser(username, PASSWORD, displayName, username + "@staff.example", team, Set.of(role), null));
        return new Agent(username, displayName);
    }

    /**
     * A case as an agent meets it after a day: the owner's question with a long order link, the agent's
     * answer, an internal note and the owner's reply; assigned to the agent, high priority, tagged.
     * Returns the case id.
     */
    public long caseWithConversation(Owner owner, Agent agent) {
        var ownerVoice = new Actor(owner.username(), owner.name(), Channel.PORTAL);
        var agentVoice = new Actor(agent.username(), agent.displayName(), Channel.PORTAL);
        var opened = cases.open(
                new OpenCase(
                        owner.customerId(),
                        "Replacement lid for my kettle K2-Deluxe-Stainless (order SO-2024-000123456789)",
                        "Hello,\n\nthe lid of my kettle no longer closes: the hinge broke on Tuesday. I bought"
                                + " it here, the confirmation is at"
                                + " https://shop.example/account/orders/SO-2024-000123456789/confirmation?utm_source=mail.\n\n"
                                + "Can you send me a new lid? <b>It is the stainless one.</b>",
                        Channel.PORTAL,
                        Priority.HIGH,
                        "support",
                        "SO-2024-000123456789",
                        null),
                ownerVoice);
        long id = opened.getId();
        cases.reply(
                id,
                "Sorry to hear that! A new lid is on its way to you; it should arrive by Friday.",
                null,
                agentVoice);
        cases.addNote(id, "Third broken K2 hinge this month. Raised it with product as ticket PRD-5521.", agentVoice);
        cases.receiveFromOwner(id, owner.customerId(), "Thank you, that was quick!", Channel.PORTAL, null, ownerVoice);
        cases.change(
                id,
                new CaseChanges(null, agent.username(), null, java.util.Set.of("hardware", "k2"), null),
                agentVoice);
        return id;
    }

    /** A staff member with the ADMIN role. */
    public record Admin(String username, String displayName) {}

    public Admin admin(String firstName) {
        var admin = staff(firstName, Role.ADMIN, null);
        return new Admin(admin.username(), admin.displayName());
    }
}
