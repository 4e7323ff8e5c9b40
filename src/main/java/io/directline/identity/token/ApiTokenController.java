package io.directline.identity.token;

import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "API tokens", description = "Personal tokens for integrations: send them as 'Authorization: Bearer ...'")
@RestController
@RequestMapping("/api/v1/tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Operation(
            summary = "Issue a token for the signed-in user; the secret is shown only in this answer",
            description = "A request signed with a token that expires may only issue tokens expiring no later than"
                    + " it: without expiresInDays the new token expires with it.")
    @PostMapping
    ResponseEntity<IssuedTokenView> issue(
            @AuthenticationPrincipal DirectLineUser user,
            Authentication authentication,
            @Valid @RequestBody TokenRequest request) {
        var ceiling = authentication.getDetails() instanceof ApiTokenAuthenticationFilter.ApiTokenDetails token
                ? token.expiresAt()
                : null;
        var issued = tokens.issue(
                user.id(),
                request.name().strip(),
                request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays()),
                ceiling);
        var t = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.getId()))
                .body(new IssuedTokenView(t.getId(), t.getName(), issued.secret(), t.getCreatedAt(), t.getExpiresAt()));
    }

    @Operation(summary = "The signed-in user's tokens (without their secrets)")
    @GetMapping
    List<TokenView> list(@AuthenticationPrincipal DirectLineUser user) {
        return tokens.of(user.id()).stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt(), t.getExpiresAt()))
                .toList();
    }

    @Operation(summary = "Revoke a token")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        tokens.revoke(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(
            @NotBlank @Size(max = 100) String name,
            @Min(1) @Max(3650) Integer expiresInDays) {}

    record IssuedTokenView(long id, String name, String token, Instant createdAt, Instant expiresAt) {}

    record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}
}
