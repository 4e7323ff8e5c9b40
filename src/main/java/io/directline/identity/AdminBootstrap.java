package io.directline.identity;

import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the first admin at first start, with the configured password or a generated one printed once. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

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
        String password = generated ? generate() : properties.password();
        users.createUser(new NewUser("admin", password, "Administrator", null, null, Set.of(Role.ADMIN), null));
        if (generated) {
            log.warn(
                    "\n\n    First start: created the login 'admin' with the generated password  {}\n"
                            + "    It is shown only this once. Set DIRECTLINE_ADMIN_PASSWORD to choose it yourself.\n",
                    password);
        } else {
            log.info("First start: created the login 'admin' with the password from DIRECTLINE_ADMIN_PASSWORD.");
        }
    }

    private static String generate() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
