package dev.loyalty.privacy.web;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.privacy.MemberDeletion;
import dev.loyalty.privacy.MemberExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's export and deletion of their account, and the same for operators. */
@Tag(name = "Privacy")
@RestController
class PrivacyController {

    private final MemberExport exports;
    private final MemberDeletion deletions;

    PrivacyController(MemberExport exports, MemberDeletion deletions) {
        this.exports = exports;
        this.deletions = deletions;
    }

    @Operation(summary = "Everything held about me, as one JSON file (phone in full)")
    @GetMapping("/api/app/me/export")
    void exportMine(@AuthenticationPrincipal Actor actor, HttpServletResponse response) throws IOException {
        send(actor.id(), exports.prepare(actor.id(), true), response);
    }

    @Operation(summary = "Delete my account (confirm=true): refused with 409 WALLET_NOT_EMPTY while stored value remains")
    @DeleteMapping("/api/app/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Boolean confirm) {
        if (!Boolean.TRUE.equals(confirm)) {
            throw new InvalidRequestException("confirm", "must be true: deleting the account cannot be undone");
        }
        deletions.delete(actor.id());
    }

    @Operation(summary = "Everything held about a member, as one JSON file (phone masked); audited")
    @GetMapping("/api/admin/members/{id}/export")
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        send(id, exports.prepare(id, false), response);
    }

    @Operation(summary = "Delete a member's account: refused with 409 WALLET_NOT_EMPTY while stored value remains; audited")
    @DeleteMapping("/api/admin/members/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        deletions.delete(id);
    }

    private static void send(long memberId, MemberExport.Document document, HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=member-" + memberId + "-export.json");
        document.writeTo(response.getOutputStream());
    }
}
