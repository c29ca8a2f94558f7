package dev.loyalty.notify.web;

import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.notify.NotificationService;
import dev.loyalty.notify.NotificationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminNotificationController {

    private final NotificationService notifications;

    AdminNotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "Notifications by status (PENDING, SENDING, SENT, FAILED, SKIPPED) and member")
    @GetMapping("/api/admin/notifications")
    PageResponse<NotificationView> search(@RequestParam(required = false) String status,
            @RequestParam(required = false) Long memberId, @Valid PageQuery paging) {
        return notifications.search(status == null || status.isBlank() ? null : status.toUpperCase(), memberId,
                paging.toPage());
    }

    @Operation(summary = "Send a FAILED or SKIPPED notification again (a fresh round of attempts)")
    @PostMapping("/api/admin/notifications/{id}/retry")
    NotificationView retry(@PathVariable long id) {
        return notifications.retry(id);
    }
}
