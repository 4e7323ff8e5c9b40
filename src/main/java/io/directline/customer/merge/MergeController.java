package io.directline.customer.merge;

import io.directline.customer.MergeRecord;
import io.directline.customer.MergeSuggestion;
import io.directline.customer.OwnerMerges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "Customers", description = "Owners, for agents")
@RestController
@RequestMapping("/api/v1/customers/{id}")
class MergeController {

    private final OwnerMerges merges;

    MergeController(OwnerMerges merges) {
        this.merges = merges;
    }

    record MergeRequest(Long from, String reason) {}

    @Operation(summary = "Merge another owner into this one: everything of theirs follows; undoable for 30 days")
    @PostMapping("/merge")
    MergeRecord merge(@PathVariable long id, @RequestBody MergeRequest request, Principal agent) {
        if (request == null || request.from() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name the owner to merge in as \"from\".");
        }
        return merges.merge(id, request.from(), request.reason(), agent.getName());
    }

    @Operation(summary = "The merges into this owner, newest first")
    @GetMapping("/merges")
    List<MergeRecord> merges(@PathVariable long id) {
        return merges.mergesInto(id);
    }

    @Operation(summary = "Undo a merge into this owner: exactly what moved goes back")
    @PostMapping("/merges/{mergeId}/undo")
    MergeRecord undo(@PathVariable long id, @PathVariable long mergeId, Principal agent) {
        return merges.undo(id, mergeId, agent.getName());
    }

    @Operation(summary = "Owners this one may be, with the reasons")
    @GetMapping("/merge-suggestions")
    List<MergeSuggestion> suggestions(@PathVariable long id) {
        return merges.suggestionsFor(id);
    }

    @Operation(summary = "Dismiss a merge suggestion: the two are not one person")
    @PostMapping("/merge-suggestions/{suggestionId}/dismiss")
    MergeSuggestion dismiss(@PathVariable long id, @PathVariable long suggestionId, Principal agent) {
        return merges.dismiss(id, suggestionId, agent.getName());
    }
}
