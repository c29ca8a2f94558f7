package dev.loyalty.me;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.coupon.CouponStatus;
import dev.loyalty.coupon.CouponView;
import dev.loyalty.member.MemberListing;
import dev.loyalty.member.MemberProfile;
import dev.loyalty.member.Segment;
import dev.loyalty.member.MemberStatus;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsService;
import dev.loyalty.signin.SignInCalendar;
import dev.loyalty.signin.SignInService;
import dev.loyalty.signin.SignInStatus;
import dev.loyalty.wallet.WalletService;
import dev.loyalty.wallet.WalletView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators looking after members: search, one member with balances, and their coupons and sign-ins. */
@Tag(name = "Admin")
@RestController
class AdminMemberController {

    private final MemberService members;
    private final PointsService points;
    private final WalletService wallets;
    private final CouponMall coupons;
    private final SignInService signIns;
    private final CounterService counter;
    private final Clock clock;

    AdminMemberController(MemberService members, PointsService points, WalletService wallets, CouponMall coupons,
            SignInService signIns, CounterService counter, Clock clock) {
        this.members = members;
        this.points = points;
        this.wallets = wallets;
        this.coupons = coupons;
        this.signIns = signIns;
        this.counter = counter;
        this.clock = clock;
    }

    @Operation(summary = "Members by nickname, id or masked phone, and by segment, with balances, level and last activity; "
            + "deleted members only with includeDeleted=true (status DELETED)")
    @GetMapping("/api/admin/members")
    PageResponse<MemberRow> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false, defaultValue = "false") boolean includeDeleted, @Valid PageQuery paging) {
        PageResponse<MemberListing> found = members.search(q, segment, includeDeleted, paging.toPage());
        return new PageResponse<>(found.items().stream().map(this::row).toList(), found.page(), found.size(), found.total());
    }

    @Operation(summary = "One member with balances, level, sign-in status and staff binding")
    @GetMapping("/api/admin/members/{id}")
    MemberDetail member(@PathVariable long id) {
        requireMember(id);
        MemberListing listing = members.listing(id);
        return new MemberDetail(row(listing), members.progress(id), wallets.wallet(id), coupons.unusedCount(id),
                signIns.status(id), counter.staffBinding(id).orElse(null));
    }

    @Operation(summary = "A member's coupons, as the member sees them")
    @GetMapping("/api/admin/members/{id}/coupons")
    PageResponse<CouponView> coupons(@PathVariable long id, @RequestParam(required = false) CouponStatus status,
            @Valid PageQuery paging) {
        requireMember(id);
        return coupons.coupons(id, status, paging.toPage());
    }

    @Operation(summary = "A member's sign-in calendar for a month (default: this month)")
    @GetMapping("/api/admin/members/{id}/sign-ins")
    SignInCalendar signIns(@PathVariable long id,
            @RequestParam(required = false) @Pattern(regexp = "\\s*|\\d{4}-\\d{2}", message = "must be yyyy-MM") String month) {
        requireMember(id);
        try {
            return signIns.calendar(id, month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "must be yyyy-MM");
        }
    }

    private void requireMember(long id) {
        if (!members.exists(id)) {
            throw new NotFoundException("Member", id);
        }
    }

    private MemberRow row(MemberListing listing) {
        MemberProfile p = listing.profile();
        return new MemberRow(p.id(), p.nickname(), p.avatarUrl(), p.phoneMasked(), p.level(), points.balance(p.id()),
                wallets.wallet(p.id()).balanceCents(), listing.segment(), listing.lastActiveOn(), listing.joinedAt(),
                listing.status(), listing.deletedAt());
    }

    /**
     * {@code segment} and {@code lastActiveOn} are null until the member-segments job has seen the member;
     * {@code status} is DELETED (with {@code deletedAt}) for a member who deleted their account.
     */
    record MemberRow(long id, String nickname, String avatarUrl, String phoneMasked, MemberProfile.Level level,
            long pointsBalance, long walletBalanceCents, Segment segment, LocalDate lastActiveOn, Instant joinedAt,
            MemberStatus status, Instant deletedAt) {
    }

    record MemberDetail(MemberRow member, MemberService.Progress growth, WalletView wallet, long unusedCoupons,
            SignInStatus signIn, StaffBinding staff) {
    }
}
