package io.directline.customer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.directline.customer.ownerpage.OwnerHandle;
import io.directline.customer.ownerpage.OwnerPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.groups.Default;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "Owners, for agents")
// no class-level @Validated: Spring MVC then checks the parameter constraints itself and answers 400,
// where a validating proxy would throw ConstraintViolationException, a 500
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerManagement customers;
    private final OwnerPage ownerPage;

    CustomerController(CustomerManagement customers, OwnerPage ownerPage) {
        this.customers = customers;
        this.ownerPage = ownerPage;
    }

    @Operation(summary = "Register an owner")
    @PostMapping
    ResponseEntity<CustomerView> register(
            @Validated({Default.class, CustomerDetails.Registration.class}) @RequestBody CustomerDetails details) {
        var customer = customers.register(details);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.getId()))
                .body(CustomerView.of(customer));
    }

    @Operation(summary = "List owners, optionally by name prefix")
    @GetMapping
    CustomerList list(
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
        var slice = customers.list(name, PageRequest.of(page, size, Sort.by("nameKey", "id")));
        return new CustomerList(slice.map(CustomerView::of).getContent(), page, size, slice.hasNext());
    }

    @Operation(
            summary = "One owner, with their page",
            description = "The owner's fields, their handles with their verification state, and the sections of the"
                    + " staff's owner page (cases of every channel, open promises, escalations, and what later"
                    + " modules add), each as columns and rows.")
    @GetMapping("/{id}")
    OwnerPageView get(@PathVariable long id) {
        var page = ownerPage.of(id);
        return new OwnerPageView(CustomerView.of(page.owner()), page.handles(), page.sections());
    }

    /** The owner's fields as before, with their handles and page sections beside them. */
    record OwnerPageView(@JsonUnwrapped CustomerView owner, List<OwnerHandle> handles, List<OwnerSection> sections) {}

    @Operation(summary = "Change an owner; fields left out stay as they are")
    @PatchMapping("/{id}")
    CustomerView update(
            @PathVariable long id,
            @Validated({Default.class, CustomerDetails.Changes.class}) @RequestBody CustomerDetails changes) {
        return CustomerView.of(customers.update(id, changes.withBlankNameLeftOut()));
    }

    record CustomerList(List<CustomerView> items, int page, int size, boolean hasNext) {}

    record CustomerView(
            Long id,
            String name,
            String email,
            String phone,
            Channel preferredChannel,
            QuietHours quietHours,
            String timeZone,
            Address address,
            BigDecimal lifetimeValue,
            Tier tier,
            boolean verified,
            Map<String, String> socialHandles,
            Map<String, String> socialAccounts,
            Instant createdAt,
            Instant updatedAt,
            Long mergedInto) {

        static CustomerView of(Customer c) {
            return new CustomerView(
                    c.getId(),
                    c.getName(),
                    c.getEmail(),
                    c.getPhone(),
                    c.getPreferredChannel(),
                    c.getQuietHours(),
                    c.getTimeZone(),
                    c.getAddress(),
                    c.getLifetimeValue(),
                    c.getTier(),
                    c.isVerified(),
                    c.getSocialHandles(),
                    c.getSocialAccounts(),
                    c.getCreatedAt(),
                    c.getUpdatedAt(),
                    c.getMergedInto());
        }
    }
}
