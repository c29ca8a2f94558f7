package dev.loyalty.campaign;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.campaign.internal.CouponGrant;
import dev.loyalty.campaign.internal.CouponGrantJob;
import dev.loyalty.campaign.internal.CouponGrantMapper;
import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.coupon.CouponTemplateView;
import dev.loyalty.coupon.CouponTemplates;
import dev.loyalty.member.MemberService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' grants. Starting one writes the grant (and its listed members) under the operator's
 * {@code Idempotency-Key} and asks the job to run it at once; the same key again answers the first grant,
 * and the same key with another request is {@code IDEMPOTENCY_CONFLICT}.
 */
@Service
public class CouponGrants {

    private static final int LIST_CHUNK = 1000;

    private final CouponGrantMapper grants;
    private final CouponGrantJob job;
    private final CouponTemplates templates;
    private final MemberService members;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    CouponGrants(CouponGrantMapper grants, CouponGrantJob job, CouponTemplates templates, MemberService members,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.grants = grants;
        this.job = job;
        this.templates = templates;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Starts a grant, or answers the one this key started. Refuses an unknown template ({@code NOT_FOUND}),
     * a disabled one, an unknown level and listed ids that are no members ({@code VALIDATION_FAILED}).
     */
    public Started start(GrantCommand command, String idempotencyKey) {
        List<Long> listed = command.memberIds() == null ? List.of() : List.copyOf(new TreeSet<>(command.memberIds()));
        String hash = payloadHash(command, listed);
        Optional<CouponGrant> first = grants.findByKey(idempotencyKey);
        if (first.isPresent()) {
            return replay(first.get(), hash);
        }
        long targeted = check(command, listed);
        CouponGrant grant = CouponGrant.started(idempotencyKey, hash, command.templateId(), command.points(),
                command.reason(), command.targetKind(), targetValue(command), targeted, Actor.current().id(),
                clock.instant());
        try {
            tx.executeWithoutResult(status -> {
                grants.insert(grant);
                for (int from = 0; from < listed.size(); from += LIST_CHUNK) {
                    grants.list(grant.getId(), listed.subList(from, Math.min(listed.size(), from + LIST_CHUNK)));
                }
                audit.record("COUPON_GRANT_STARTED", "coupon-grant:" + grant.getId(), null, auditOf(grant));
            });
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return replay(grants.findByKey(idempotencyKey).orElseThrow(() -> sameKeyMeanwhile), hash);
        }
        job.kick();
        return new Started(view(grants.selectById(grant.getId())), false);
    }

    @Transactional(readOnly = true)
    public GrantView grant(long id) {
        CouponGrant grant = grants.selectById(id);
        if (grant == null) {
            throw new NotFoundException("Grant", id);
        }
        return view(grant);
    }

    /** Grants, newest first, in one status when it is given. */
    @Transactional(readOnly = true)
    public PageResponse<GrantView> grants(GrantStatus status, Page<CouponGrant> page) {
        return PageResponse.from(grants.selectPage(page, new LambdaQueryWrapper<CouponGrant>()
                .eq(status != null, CouponGrant::getStatus, status)
                .orderByDesc(CouponGrant::getId)), this::view);
    }

    private Started replay(CouponGrant first, String hash) {
        if (!first.getPayloadHash().equals(hash)) {
            throw new IdempotencyConflictException(first.getIdempotencyKey());
        }
        return new Started(view(first), true);
    }

    /** Checks what only the other modules know; answers how many members the grant aims at. */
    private long check(GrantCommand command, List<Long> listed) {
        if (command.templateId() != null) {
            CouponTemplateView template = templates.template(command.templateId());
            if (!template.enabled()) {
                throw new InvalidRequestException("templateId", "coupon template " + template.id() + " is disabled");
            }
        }
        return switch (command.targetKind()) {
            case MEMBERS -> {
                List<Long> unknown = new ArrayList<>(listed);
                unknown.removeAll(members.existing(listed));
                if (!unknown.isEmpty()) {
                    throw new InvalidRequestException("target.memberIds", "not members: "
                            + unknown.subList(0, Math.min(10, unknown.size())) + (unknown.size() > 10 ? " and more" : ""));
                }
                yield listed.size();
            }
            case SEGMENT -> members.countInGroup(command.segment(), null);
            case LEVEL -> {
                if (members.levels().stream().noneMatch(level -> level.code().equals(command.levelCode()))) {
                    throw new InvalidRequestException("target.levelCode", "no level " + command.levelCode());
                }
                yield members.countInGroup(null, command.levelCode());
            }
        };
    }

    private static String targetValue(GrantCommand command) {
        return switch (command.targetKind()) {
            case MEMBERS -> null;
            case SEGMENT -> command.segment().name();
            case LEVEL -> command.levelCode();
        };
    }

    private static String payloadHash(GrantCommand command, List<Long> listed) {
        String canonical = command.templateId() + "|" + command.points() + "|" + command.reason() + "|"
                + command.targetKind() + "|" + targetValue(command) + "|" + listed;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> auditOf(CouponGrant grant) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("templateId", grant.getTemplateId());
        after.put("points", grant.getPoints());
        after.put("reason", grant.getReason());
        after.put("target", grant.getTargetKind().name());
        after.put("targetValue", grant.getTargetValue());
        after.put("targeted", grant.getTargeted());
        return after;
    }

    private GrantView view(CouponGrant grant) {
        GrantTargetKind kind = grant.getTargetKind();
        GrantView.GrantTarget target = new GrantView.GrantTarget(kind,
                kind == GrantTargetKind.MEMBERS ? grant.getTargeted().intValue() : null,
                kind == GrantTargetKind.SEGMENT ? dev.loyalty.member.Segment.valueOf(grant.getTargetValue()) : null,
                kind == GrantTargetKind.LEVEL ? grant.getTargetValue() : null);
        return new GrantView(grant.getId(), grant.getStatus(), grant.getTemplateId(), grant.getPoints(), grant.getReason(),
                target, grant.getTargeted(), grant.getIssued(), grant.getSkipped(), grant.getFailed(), grant.getLastError(),
                grant.getCreatedBy(), grant.getCreatedAt(), grant.getFinishedAt());
    }

    /** The grant, and whether an earlier request with the same key had started it. */
    public record Started(GrantView grant, boolean replayed) {
    }
}
