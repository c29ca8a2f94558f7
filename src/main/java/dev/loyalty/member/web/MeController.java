package dev.loyalty.member.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.member.MemberProfile;
import dev.loyalty.member.MemberService;
import dev.loyalty.member.ProfileChange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
@RequestMapping("/api/app/me")
class MeController {

    private final MemberService members;

    MeController(MemberService members) {
        this.members = members;
    }

    @Operation(summary = "The logged-in member")
    @GetMapping
    MemberProfile me(@AuthenticationPrincipal Actor actor) {
        return members.profile(actor.id());
    }

    @Operation(summary = "Change nickname, avatar or birthday")
    @PatchMapping
    MemberProfile update(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ProfileRequest request) {
        return members.update(actor.id(), new ProfileChange(request.nickname(), request.avatarUrl(), request.birthday()));
    }

    @Operation(summary = "Bind the phone number behind a getPhoneNumber code")
    @PutMapping("/phone")
    PhoneResponse bindPhone(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PhoneRequest request) {
        return new PhoneResponse(members.bindPhone(actor.id(), request.code()));
    }

    record ProfileRequest(@Size(min = 1, max = 32) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String nickname,
            @Size(max = 512) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String avatarUrl,
            LocalDate birthday) {
    }

    record PhoneRequest(@NotBlank @Size(max = 128) String code) {
    }

    record PhoneResponse(String phoneMasked) {
    }
}
