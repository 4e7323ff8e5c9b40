package io.directline.sla.promise;

import io.directline.identity.DirectLineUser;
import io.directline.sla.Promises;
import io.directline.sla.promise.PromiseViews.OwnerPromiseView;
import io.directline.sla.promise.PromiseViews.PromiseList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "My cases", description = "The signed-in owner's own cases")
@RestController
class OwnerPromiseApiController {

    private final Promises promises;

    OwnerPromiseApiController(Promises promises) {
        this.promises = promises;
    }

    @Operation(summary = "What the company promised on one of my cases, and where each promise stands")
    @GetMapping("/api/v1/me/cases/{id}/promises")
    PromiseList<OwnerPromiseView> list(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id) {
        return new PromiseList<>(promises.ofOwnersCase(id, owner.customerId()).stream()
                .map(OwnerPromiseView::of)
                .toList());
    }
}
