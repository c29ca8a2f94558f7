package dev.loyalty.me;

import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.FourDigitYear;
import dev.loyalty.common.error.PayloadTooLargeException;
import dev.loyalty.common.web.BodyAllowance;
import dev.loyalty.member.Avatars;
import dev.loyalty.member.MemberProfile;
import dev.loyalty.member.MemberService;
import dev.loyalty.member.ProfileChange;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StoreView;
import dev.loyalty.points.PointsService;
import dev.loyalty.wallet.WalletService;
import dev.loyalty.signin.SignInService;
import dev.loyalty.signin.SignInStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
@RequestMapping("/api/app/me")
class MeController {

    private final MemberService members;
    private final PointsService points;
    private final SignInService signIns;
    private final CouponMall coupons;
    private final WalletService wallets;
    private final CounterService counter;
    private final Avatars avatars;

    MeController(MemberService members, PointsService points, SignInService signIns, CouponMall coupons,
            WalletService wallets, CounterService counter, Avatars avatars) {
        this.counter = counter;
        this.avatars = avatars;
        this.members = members;
        this.points = points;
        this.signIns = signIns;
        this.coupons = coupons;
        this.wallets = wallets;
    }

    @Operation(summary = "The logged-in member with their balances")
    @GetMapping
    Me me(@AuthenticationPrincipal Actor actor) {
        return compose(members.profile(actor.id()));
    }

    @Operation(summary = "Change nickname, avatar or birthday")
    @PatchMapping
    Me update(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ProfileRequest request) {
        return compose(members.update(actor.id(),
                new ProfileChange(request.nickname(), request.avatarUrl(), request.birthday())));
    }

    @Operation(summary = "Upload an avatar (multipart field file: a PNG, JPEG, GIF or WebP image of at most 2 MB), "
            + "as chooseAvatar gives it; avatarUrl becomes the URL it is served at")
    @PostMapping(path = "/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Me uploadAvatar(@AuthenticationPrincipal Actor actor, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > Avatars.MAX_BYTES) {
            throw new PayloadTooLargeException(Avatars.MAX_BYTES);
        }
        return compose(avatars.upload(actor.id(), file.getBytes()));
    }

    private Me compose(MemberProfile profile) {
        return new Me(profile.id(), profile.nickname(), profile.avatarUrl(), profile.birthday(), profile.level(),
                members.progress(profile.id()), profile.phoneMasked(), new Me.Points(points.balance(profile.id())),
                new Me.Wallet(wallets.wallet(profile.id()).balanceCents()), new Me.Coupons(coupons.unusedCount(profile.id())),
                signIns.status(profile.id()), staffOf(profile.id()));
    }

    private Me.Staff staffOf(long memberId) {
        return counter.staffBinding(memberId).map(binding -> new Me.Staff(binding.storeId(),
                counter.store(binding.storeId()).map(StoreView::name).orElse(null))).orElse(null);
    }

    record Me(long id, String nickname, String avatarUrl, LocalDate birthday, MemberProfile.Level level,
            MemberService.Progress growth, String phoneMasked, Points points, Wallet wallet, Coupons coupons, SignInStatus signIn, Staff staff) {

        /** The store a member works at, when they are bound as staff; null for everyone else. */
        record Staff(long storeId, String storeName) {
        }

        record Points(long balance) {
        }

        record Wallet(long balanceCents) {
        }

        record Coupons(long unused) {
        }
    }

    record ProfileRequest(@Size(min = 1, max = 32) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String nickname,
            @Size(max = 512) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String avatarUrl,
            @FourDigitYear LocalDate birthday) {
    }

    /** The avatar upload takes up to 2 MB of image plus the multipart envelope around it; every other body 1 MB. */
    @Configuration(proxyBeanMethods = false)
    static class AvatarUploadLimit {

        static final long ENVELOPE_BYTES = 16 * 1024;

        @Bean
        BodyAllowance avatarUploadAllowance() {
            return new BodyAllowance(HttpMethod.POST, "/api/app/me/avatar", DataSize.ofBytes(Avatars.MAX_BYTES + ENVELOPE_BYTES));
        }
    }
}
