package io.directline.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users", description = "Logins, for admins")
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserManagement users;

    UserController(UserManagement users) {
        this.users = users;
    }

    @Operation(summary = "Create a login; an OWNER login is linked to a customer")
    @PostMapping
    ResponseEntity<CreatedUser> create(@Valid @RequestBody NewUser user) {
        long id = users.createUser(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id))
                .body(new CreatedUser(id, user.username(), user.roles(), user.customerId()));
    }

    record CreatedUser(long id, String username, Set<Role> roles, Long customerId) {}
}
