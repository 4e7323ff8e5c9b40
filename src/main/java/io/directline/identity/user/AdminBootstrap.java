package io.directline.identity.user;

import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin at first start, with the configured password or a generated one. A generated password
 * is printed once to the console (standard output), never through the logger: log events may be collected, kept
 * and shipped (a log file, structured JSON to a log server), the console is read once by whoever started us.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserManagement users;
    private final AdminProperties properties;

    AdminBootstrap(UserManagement users, AdminProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists("admin")) {
            return;
        }
        boolean generated =
                properties.password() == null || properties.password().isBlank();
        String password = generated ? UserManagement.generatePassword() : properties.password();
        if (!UserManagement.passwordFits(password)) {
            throw new IllegalStateException("DIRECTLINE_ADMIN_PASSWORD (directline.admin.password) is "
                    + password.getBytes(StandardCharsets.UTF_8).length
                    + " bytes long in UTF-8; a password may be at most "
                    + UserManagement.MAX_PASSWORD_BYTES + ". Choose a shorter one; the login 'admin' was not created.");
        }
        users.createUser(new NewUser("admin", password, "Administrator", null, null, Set.of(Role.ADMIN), null));
        if (generated) {
            System.out.println("\n    First start: created the login 'admin' with the generated password  " + password
                    + "\n    It is shown only this once. Set DIRECTLINE_ADMIN_PASSWORD to choose it yourself.\n");
            System.out.flush();
            log.warn("First start: created the login 'admin' with a generated password, printed once to the console"
                    + " (standard output) and never logged.");
        } else {
            log.info("First start: created the login 'admin' with the password from DIRECTLINE_ADMIN_PASSWORD.");
        }
    }
}
