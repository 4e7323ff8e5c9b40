package io.directline.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A login to create. An OWNER login names the customer record it belongs to; staff logins name none. */
public record NewUser(
        @NotBlank
        @Size(min = 3, max = 100)
        @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain only letters, digits and . _ @ -")
        String username,

        @NotBlank @Size(min = 8, max = 200) String password,
        @Size(max = 200) String displayName,
        @Email String email,
        @Size(max = 60) String team,
        @NotEmpty Set<Role> roles,
        Long customerId) {}
