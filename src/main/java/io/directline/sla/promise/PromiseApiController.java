package io.directline.sla.promise;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import io.directline.sla.Promise;
import io.directline.sla.Promises;
import io.directline.sla.promise.PromiseViews.PromiseList;
import io.directline.sla.promise.PromiseViews.PromiseView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Promises", description = "Commitments made to owners, for staff")
@RestController
@RequestMapping("/api/v1/cases/{id}/promises")
class PromiseApiController {

    private final Promises promises;

    PromiseApiController(Promises promises) {
        this.promises = promises;
    }

    @Operation(summary = "Record a promise made to the owner, with its due time and who answers for it")
    @PostMapping
    ResponseEntity<PromiseView> record(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @Valid @RequestBody NewPromise request) {
        var promise = promises.record(
                id, request.description(), request.dueAt(), request.responsible(), Actor.of(user, Channel.PORTAL));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/promises/" + promise.getId()))
                .body(PromiseView.of(promise));
    }

    @Operation(summary = "The promises of a case, earliest due first")
    @GetMapping
    PromiseList<PromiseView> list(@PathVariable long id) {
        return new PromiseList<>(
                promises.ofCase(id).stream().map(PromiseView::of).toList());
    }

    @Operation(summary = "One promise of a case")
    @GetMapping("/{promiseId}")
    PromiseView get(@PathVariable long id, @PathVariable long promiseId) {
        return promises.ofCase(id).stream()
                .filter(p -> p.getId() == promiseId)
                .findFirst()
                .map(PromiseView::of)
                .orElseThrow(() -> PromiseProblems.notFound(id, promiseId));
    }

    @Operation(summary = "Keep a promise by telling the owner; only before its due time")
    @PostMapping("/{promiseId}/kept")
    PromiseView keep(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @PathVariable long promiseId,
            @Valid @RequestBody KeptPromise request) {
        return PromiseView.of(promises.keep(id, promiseId, request.message(), Actor.of(user, Channel.PORTAL)));
    }

    record NewPromise(
            @NotBlank @Size(max = Promise.MAX_DESCRIPTION) String description,
            @NotNull Instant dueAt,
            @NotBlank @Size(max = 100) String responsible) {}

    record KeptPromise(@NotBlank String message) {}
}
