package dev.loyalty.admin.web;

import dev.loyalty.admin.OperatorService;
import dev.loyalty.admin.OperatorView;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.OperatorRole;
import dev.loyalty.common.security.TokenService;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators' accounts (owners only, see the access table in common.security) and the caller's own account. */
@Tag(name = "Operators")
@RestController
class OperatorController {

    private static final int MIN_PASSWORD = 12;
    /** BCrypt reads at most 72 bytes; the service also refuses a longer password in UTF-8 bytes. */
    private static final int MAX_PASSWORD = 72;

    private final OperatorService operators;

    OperatorController(OperatorService operators) {
        this.operators = operators;
    }

    @Operation(summary = "Who I am: id, username, role and store")
    @GetMapping("/api/admin/me")
    OperatorService.Me me(@AuthenticationPrincipal Actor actor) {
        return operators.me(actor.id());
    }

    @Operation(summary = "Change my password (the old one is needed); answers a new token, my other tokens stop working")
    @PostMapping("/api/admin/me/password")
    PasswordChanged changeMyPassword(@AuthenticationPrincipal Actor actor, @Valid @RequestBody OwnPasswordRequest request) {
        TokenService.IssuedToken token = operators.changeOwnPassword(actor.id(), request.oldPassword(), request.newPassword());
        return new PasswordChanged(token.token(), token.expiresAt());
    }

    @Operation(summary = "Operators' accounts (owners)")
    @GetMapping("/api/admin/operators")
    PageResponse<OperatorView> operators(@Valid PageQuery paging) {
        return operators.operators(paging.toPage());
    }

    @Operation(summary = "One operator's account (owners)")
    @GetMapping("/api/admin/operators/{id}")
    OperatorView operator(@PathVariable long id) {
        return operators.operator(id);
    }

    @Operation(summary = "Create an operator with a role; a STORE_MANAGER needs storeId (owners)")
    @PostMapping("/api/admin/operators")
    @ResponseStatus(HttpStatus.CREATED)
    OperatorView create(@Valid @RequestBody OperatorRequest request) {
        return operators.create(request.username(), request.password(), request.role(), request.storeId());
    }

    @Operation(summary = "Change an operator's role, store or standing; takes effect on their next request (owners)")
    @PutMapping("/api/admin/operators/{id}")
    OperatorView update(@PathVariable long id, @Valid @RequestBody OperatorChangeRequest request) {
        return operators.update(id, request.role(), request.storeId(), request.enabled());
    }

    @Operation(summary = "Set a new password for an operator; their tokens stop working (owners)")
    @PostMapping("/api/admin/operators/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordResetRequest request) {
        operators.resetPassword(id, request.password());
    }

    record OperatorRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.@-]{3,64}", message = "3 to 64 letters, digits or _ . @ -") String username,
            @NotNull @Size(min = MIN_PASSWORD, max = 128) String password,
            @NotNull OperatorRole role, Long storeId) {
    }

    record OperatorChangeRequest(@NotNull OperatorRole role, Long storeId, @NotNull Boolean enabled) {
    }

    record PasswordResetRequest(@NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password) {
    }

    record OwnPasswordRequest(@NotBlank @Size(max = 128) String oldPassword,
            @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String newPassword) {
    }

    record PasswordChanged(String token, Instant expiresAt) {
    }
}
