package dev.loyalty.counter.web;

import dev.loyalty.counter.CounterService;
import dev.loyalty.common.web.DateRangeQuery;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.PurchaseLine;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.counter.StaffMember;
import dev.loyalty.counter.StoreView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminCounterController {

    private final CounterService counter;
    private final Clock clock;

    AdminCounterController(CounterService counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    @Operation(summary = "All stores")
    @GetMapping("/api/admin/stores")
    List<StoreView> stores() {
        return counter.stores();
    }

    @Operation(summary = "Open a store")
    @PostMapping("/api/admin/stores")
    @ResponseStatus(HttpStatus.CREATED)
    StoreView createStore(@Valid @RequestBody StoreRequest request) {
        return counter.createStore(request.name().strip(), request.address());
    }

    @Operation(summary = "Counter purchases with their refunds, newest first, by store and dates (a store manager: their store)")
    @GetMapping("/api/admin/purchases")
    PageResponse<PurchaseLine> purchases(@RequestParam(required = false) Long storeId, @Valid DateRangeQuery dates,
            @Valid PageQuery paging) {
        return counter.purchases(storeId, dates.start(clock.getZone()), dates.end(clock.getZone()), paging.toPage());
    }

    @Operation(summary = "Staff bindings, by store when storeId is given")
    @GetMapping("/api/admin/staff")
    PageResponse<StaffMember> staff(@RequestParam(required = false) Long storeId, @Valid PageQuery paging) {
        return counter.staff(storeId, paging.toPage());
    }

    @Operation(summary = "Bind a member to a store as staff")
    @PostMapping("/api/admin/staff")
    StaffBinding bindStaff(@Valid @RequestBody StaffRequest request) {
        return counter.bindStaff(request.memberId(), request.storeId());
    }

    @Operation(summary = "Unbind a staff member")
    @DeleteMapping("/api/admin/staff/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unbindStaff(@PathVariable long memberId) {
        counter.unbindStaff(memberId);
    }

    record StoreRequest(@NotBlank @Size(max = 64) String name, @Size(max = 255) String address) {
    }

    record StaffRequest(@NotNull Long memberId, @NotNull Long storeId) {
    }
}
