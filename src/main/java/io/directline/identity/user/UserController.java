package io.directline.identity.user;

import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.identity.workinghours.WorkingHoursStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users", description = "Logins, for admins")
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserManagement users;
    private final Clock clock;

    UserController(UserManagement users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "Create a login; an OWNER login is linked to a customer")
    @PostMapping
    ResponseEntity<CreatedUser> create(@Valid @RequestBody NewUser user) {
        long id = users.createUser(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id))
                .body(new CreatedUser(id, user.username(), user.roles(), user.customerId()));
    }

    @Operation(summary = "A staff member's working hours in force, and whether they are at work now")
    @GetMapping("/{username}/working-hours")
    WorkingHoursStatus workingHours(@PathVariable String username) {
        return users.workingHours(username, clock.instant());
    }

    @Operation(
            summary = "Set a staff member's weekly working hours and time zone",
            description = "`hours` such as `MON-FRI 08:00-17:00` (several separated by `;`, or `none`); `timeZone` a"
                    + " region such as `America/New_York`; null or blank for the default of each")
    @PutMapping("/{username}/working-hours")
    WorkingHoursStatus changeWorkingHours(@PathVariable String username, @Valid @RequestBody WorkingHours request) {
        users.changeWorkingHours(username, request.hours(), request.timeZone());
        return users.workingHours(username, clock.instant());
    }

    record CreatedUser(long id, String username, Set<Role> roles, Long customerId) {}

    record WorkingHours(
            @Size(max = 200) String hours, @Size(max = 60) String timeZone) {}
}
