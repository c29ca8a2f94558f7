package dev.loyalty.member.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.member.MemberService;
import dev.loyalty.wechat.MiniProgram;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
class PhoneController {

    private final MemberService members;

    PhoneController(MemberService members) {
        this.members = members;
    }

    @Operation(summary = "Bind the phone number behind a getPhoneNumber code")
    @PutMapping("/api/app/me/phone")
    PhoneResponse bindPhone(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PhoneRequest request) {
        return new PhoneResponse(members.bindPhone(actor.id(), request.code()));
    }

    record PhoneRequest(@NotBlank @Schema(pattern = MiniProgram.CODE_PATTERN) String code) {
    }

    record PhoneResponse(String phoneMasked) {
    }
}
