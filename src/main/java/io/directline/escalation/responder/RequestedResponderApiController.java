package io.directline.escalation.responder;

import io.directline.escalation.responder.ResponderRequests.ResponderAnswer;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "My cases", description = "The signed-in owner's own cases")
@RestController
class RequestedResponderApiController {

    private final ResponderRequests responders;

    RequestedResponderApiController(ResponderRequests responders) {
        this.responders = responders;
    }

    /**
     * @param responder whom the owner asks for
     * @param waitIfBusy when that person cannot answer now, give them the case anyway and wait for them
     */
    record ResponderRequest(@NotNull ResponderKind responder, Boolean waitIfBusy) {}

    @Operation(
            summary = "Choose who answers one of my cases: the agent I dealt with before, a supervisor, or the team",
            description = "Honoured when that person is at work and has room; otherwise the answer says why and when"
                    + " (availableFrom), and the case stays with its team unless waitIfBusy is true. Asking again for"
                    + " the same changes nothing.")
    @PostMapping("/api/v1/me/cases/{id}/requested-responder")
    ResponderAnswer choose(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @Valid @RequestBody ResponderRequest request) {
        return responders.request(id, owner, request.responder(), Boolean.TRUE.equals(request.waitIfBusy()));
    }
}
