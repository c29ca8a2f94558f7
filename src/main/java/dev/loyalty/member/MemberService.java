package dev.loyalty.member;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.persistence.CachedValue;
import dev.loyalty.common.persistence.SharedCaches;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.DeletedMembers;
import dev.loyalty.common.security.TokenService;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.member.internal.Member;
import dev.loyalty.member.internal.MemberAvatarMapper;
import dev.loyalty.member.internal.MemberLevel;
import dev.loyalty.member.internal.MemberLevelChangeMapper;
import dev.loyalty.member.internal.MemberLevelMapper;
import dev.loyalty.member.internal.MemberMapper;
import dev.loyalty.member.internal.PhoneCipher;
import dev.loyalty.wechat.MiniProgram;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Members: who they are (WeChat login), what they tell us (profile, phone) and which level they hold. */
@Service
public class MemberService {

    private static final String LEVELS_CACHE = "member-levels";

    private final MiniProgram miniProgram;
    private final MemberMapper members;
    private final PhoneCipher phoneCipher;
    private final TokenService tokens;
    private final Clock clock;
    private final SharedCaches caches;
    private final CachedValue<Map<String, MemberLevel>> levelsByCode;
    private final MemberLevelMapper levelMapper;
    private final MemberLevelChangeMapper levelChanges;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final MemberAvatarMapper avatars;
    private final DeletedMembers deletedMembers;

    MemberService(MiniProgram miniProgram, MemberMapper members, MemberLevelMapper levels, PhoneCipher phoneCipher,
            TokenService tokens, Clock clock, MemberLevelChangeMapper levelChanges, ApplicationEventPublisher events,
            AuditTrail audit, SharedCaches caches, MemberAvatarMapper avatars, DeletedMembers deletedMembers) {
        this.avatars = avatars;
        this.deletedMembers = deletedMembers;
        this.miniProgram = miniProgram;
        this.members = members;
        this.phoneCipher = phoneCipher;
        this.tokens = tokens;
        this.clock = clock;
        this.levelMapper = levels;
        this.levelChanges = levelChanges;
        this.events = events;
        this.audit = audit;
        this.caches = caches;
        this.levelsByCode = caches.value(LEVELS_CACHE, Duration.ofMinutes(1), () -> levels.selectList(null).stream()
                .collect(Collectors.toMap(MemberLevel::getCode, Function.identity())));
    }

    /**
     * Trades a {@code wx.login} code for a token, creating the member on their first login.
     * Concurrent first logins of one openid create one member: the unique openid index decides,
     * and the loser of the race reads the winner's row. No transaction is held while WeChat answers.
     */
    public LoginResult login(String code, String nickname, String avatarUrl) {
        MiniProgram.WeChatIdentity identity = miniProgram.identify(code);
        boolean created = false;
        Member member = members.findByOpenid(identity.openid()).orElse(null);
        if (member == null) {
            Member joining = Member.joining(identity.openid(), identity.unionid(), nickname, avatarUrl, clock.instant());
            try {
                members.insert(joining);
                member = joining;
                created = true;
            } catch (DuplicateKeyException raceLost) {
                member = members.findByOpenid(identity.openid()).orElseThrow();
            }
        }
        if (!created) {
            member = refreshOnLogin(member, identity.unionid(), nickname, avatarUrl);
        }
        if (identity.unionid() != null) {
            events.publishEvent(new MemberIdentified(member.getId(), identity.unionid()));
        }
        if (created) {
            events.publishEvent(new MemberJoined(member.getId()));
        }
        TokenService.IssuedToken token = tokens.issue(new Actor(Actor.Type.MEMBER, member.getId()));
        return new LoginResult(token.token(), token.expiresAt(), created, toProfile(member));
    }

    /**
     * Members whose nickname contains {@code q}, or whose id or masked phone is {@code q}, in a segment
     * when one is given; newest first.
     */
    @Transactional(readOnly = true)
    public PageResponse<MemberListing> search(String q, Segment segment, Page<Member> page) {
        return search(q, segment, false, page);
    }

    /** The same, with deleted members too (marked DELETED) when {@code includeDeleted}; without them otherwise. */
    @Transactional(readOnly = true)
    public PageResponse<MemberListing> search(String q, Segment segment, boolean includeDeleted, Page<Member> page) {
        var where = new LambdaQueryWrapper<Member>();
        where.isNull(!includeDeleted, Member::getDeletedAt);
        if (q != null && !q.isBlank()) {
            String term = q.strip();
            where.and(w -> {
                w.like(Member::getNickname, term).or().eq(Member::getPhoneMasked, term);
                if (term.matches("\\d{1,18}")) {
                    w.or().eq(Member::getId, Long.parseLong(term));
                }
            });
        }
        where.eq(segment != null, Member::getSegment, segment);
        where.orderByDesc(Member::getId);
        return PageResponse.from(members.selectPage(page, where), this::toListing);
    }

    /** One member as operators list them. */
    @Transactional(readOnly = true)
    public MemberListing listing(long memberId) {
        return toListing(load(memberId));
    }

    private MemberListing toListing(Member m) {
        return new MemberListing(toProfile(m), m.getCreatedAt(), m.getSegment(), m.getLastActiveOn(),
                m.getStatus() == null ? MemberStatus.ACTIVE : m.getStatus(), m.getDeletedAt());
    }

    /** Members who joined before {@code at}. */
    @Transactional(readOnly = true)
    public long countJoinedBefore(Instant at) {
        return members.selectCount(new LambdaQueryWrapper<Member>().lt(Member::getCreatedAt, at));
    }

    /** The next {@code limit} members after {@code afterId} by id, each with when they joined: for batch jobs. */
    @Transactional(readOnly = true)
    public List<Map.Entry<Long, Instant>> joinedAfterId(long afterId, int limit) {
        return members.selectList(new LambdaQueryWrapper<Member>()
                        .select(Member::getId, Member::getCreatedAt)
                        .gt(Member::getId, afterId).orderByAsc(Member::getId).last("LIMIT " + limit))
                .stream().map(m -> Map.entry(m.getId(), m.getCreatedAt())).toList();
    }

    /**
     * The next {@code limit} ids after {@code afterId}, in id order, of the members in {@code segment}, or
     * at the level {@code levelCode} when no segment is given: for batch jobs that work through a group.
     */
    @Transactional(readOnly = true)
    public List<Long> idsInGroupAfter(Segment segment, String levelCode, long afterId, int limit) {
        return members.selectObjs(groupOf(segment, levelCode)
                        .select(Member::getId)
                        .gt(Member::getId, afterId).orderByAsc(Member::getId).last("LIMIT " + limit))
                .stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * The next {@code limit} ids after {@code afterId}, in id order, of the members whose birthday is on
     * {@code day}; on 28 February of a year without a 29th, those born on the 29th as well.
     */
    @Transactional(readOnly = true)
    public List<Long> idsWithBirthdayAfter(LocalDate day, long afterId, int limit) {
        boolean alsoLeapDay = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear();
        return members.birthdaysAfter(day.getMonthValue(), day.getDayOfMonth(), alsoLeapDay, afterId, limit);
    }

    /** How many members are in {@code segment}, or at the level {@code levelCode} when no segment is given. */
    @Transactional(readOnly = true)
    public long countInGroup(Segment segment, String levelCode) {
        return members.selectCount(groupOf(segment, levelCode));
    }

    private static LambdaQueryWrapper<Member> groupOf(Segment segment, String levelCode) {
        if ((segment == null) == (levelCode == null)) {
            throw new IllegalArgumentException("name a segment or a level, not both");
        }
        // a member who deleted their account is in no group: grants and campaigns pass them by
        return segment != null
                ? new LambdaQueryWrapper<Member>().eq(Member::getSegment, segment).isNull(Member::getDeletedAt)
                : new LambdaQueryWrapper<Member>().eq(Member::getLevelCode, levelCode).isNull(Member::getDeletedAt);
    }

    /** Those of {@code memberIds} that are members (and have not deleted their account); one query per thousand ids. */
    @Transactional(readOnly = true)
    public Set<Long> existing(Collection<Long> memberIds) {
        Set<Long> found = new HashSet<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(memberIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            members.selectObjs(new LambdaQueryWrapper<Member>().select(Member::getId)
                            .in(Member::getId, ids.subList(from, Math.min(ids.size(), from + 1000)))
                            .isNull(Member::getDeletedAt))
                    .forEach(id -> found.add(((Number) id).longValue()));
        }
        return found;
    }

    /**
     * Writes the segments the segment job computed; a member it does not know any more (or who deleted their
     * account) is skipped. A member
     * moved into another segment (or into one for the first time) publishes {@link SegmentEntered}.
     */
    @Transactional
    public void assignSegments(Collection<SegmentAssignment> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        Map<Long, Segment> before = new HashMap<>();
        members.selectList(new LambdaQueryWrapper<Member>().select(Member::getId, Member::getSegment)
                        .in(Member::getId, assignments.stream().map(SegmentAssignment::memberId).toList())
                        .isNull(Member::getDeletedAt))
                .forEach(m -> before.put(m.getId(), m.getSegment()));
        for (SegmentAssignment a : assignments) {
            if (!before.containsKey(a.memberId())) {
                continue; // gone, or deleted their account: no segment, no campaign for entering one
            }
            if (before.get(a.memberId()) != a.segment()) {
                events.publishEvent(new SegmentEntered(a.memberId(), a.segment(), clock.instant()));
            }
            members.update(null, new LambdaUpdateWrapper<Member>()
                    .set(Member::getSegment, a.segment())
                    .set(Member::getLastActiveOn, a.lastActiveOn())
                    .eq(Member::getId, a.memberId()));
        }
    }

    /** The member's openid in the Mini Program. */
    @Transactional(readOnly = true)
    public String openid(long memberId) {
        return load(memberId).getOpenid();
    }

    /** The member's unionid (across the brand's apps), if WeChat gave one; one narrow read, outside any transaction. */
    public Optional<String> unionid(long memberId) {
        return Optional.ofNullable(members.unionid(memberId));
    }

    /** The member WeChat knows by this unionid, if any. */
    public Optional<Long> idByUnionid(String unionid) {
        return Optional.ofNullable(members.idByUnionid(unionid));
    }

    /** Whether there is such a member, deleted or not; one indexed read, outside any transaction. */
    public boolean exists(long memberId) {
        return members.countById(memberId) == 1;
    }

    /**
     * Whether there is such a member who has not deleted their account: one indexed read, outside any
     * transaction; every scan of a member code asks it, so a deleted member's code resolves no more.
     */
    public boolean active(long memberId) {
        return members.countActiveById(memberId) == 1;
    }

    /** Those of {@code memberIds} who deleted their account. */
    @Transactional(readOnly = true)
    public Set<Long> deletedAmong(Collection<Long> memberIds) {
        Set<Long> deleted = new HashSet<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(memberIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            members.selectObjs(new LambdaQueryWrapper<Member>().select(Member::getId)
                            .in(Member::getId, ids.subList(from, Math.min(ids.size(), from + 1000)))
                            .isNotNull(Member::getDeletedAt))
                    .forEach(id -> deleted.add(((Number) id).longValue()));
        }
        return deleted;
    }

    /**
     * Whether the member is still ACTIVE, read without a lock (a deletion writes the member row last, taking
     * locks in the order sign-ins and purchases do); {@code NOT_FOUND} for no such member.
     */
    public boolean stillActive(long memberId) {
        MemberStatus status = members.status(memberId);
        if (status == null) {
            throw new NotFoundException("Member", memberId);
        }
        return status == MemberStatus.ACTIVE;
    }

    /**
     * Inside the deletion's transaction: erases what identifies the member (WeChat ids, nickname, avatar and its
     * uploads, birthday, phone) and marks them DELETED. Once it commits, their tokens are refused on this
     * instance at once, and on the others when they next reload the deleted members (every few seconds).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(long memberId) {
        Instant now = clock.instant();
        if (members.erase(memberId, DELETED_NICKNAME, now) != 1) {
            throw new IllegalStateException("Member " + memberId + " is not active any more");
        }
        avatars.deleteAllOf(memberId);
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        deletedMembers.add(memberId, now);
                    }
                });
    }

    /** The nickname a deleted member's row keeps. */
    public static final String DELETED_NICKNAME = "已注销用户";

    /**
     * What this module holds about the member, for their export: the phone in full when {@code forTheMember},
     * masked otherwise (and the WeChat ids for the member only).
     */
    @Transactional(readOnly = true)
    public MemberRecord record(long memberId, boolean forTheMember) {
        Member m = load(memberId);
        String phone = m.getPhoneMasked();
        if (forTheMember && m.getPhoneCipher() != null) {
            phone = phoneCipher.decrypt(m.getPhoneCipher());
        }
        List<MemberRecord.LevelChange> changes = levelChanges.ofMember(memberId).stream()
                .map(c -> new MemberRecord.LevelChange(c.getId(), c.getFromCode(), c.getToCode(), c.getGrowth(),
                        c.getCreatedAt())).toList();
        return new MemberRecord(m.getId(), m.getStatus() == null ? MemberStatus.ACTIVE : m.getStatus(),
                forTheMember ? m.getOpenid() : null, forTheMember ? m.getUnionid() : null, m.getNickname(),
                m.getAvatarUrl(), m.getBirthday(), phone, toProfile(m).level(), m.getGrowth(), m.getSegment(),
                m.getLastActiveOn(), m.getCreatedAt(), m.getDeletedAt(), changes);
    }

    /**
     * Adds growth (purchases: 1 per yuan; sign-ins: 1) and moves the member to the highest level whose
     * {@code minGrowth} they now reach, recording and publishing the change. Call it after the award the
     * growth comes from, in the same transaction: that award used the level held before it.
     */
    @Transactional
    public void addGrowth(long memberId, long growth) {
        if (growth <= 0) {
            return;
        }
        levelChanges.addGrowth(memberId, growth, clock.instant());
        Member now = levelChanges.growthAndLevel(memberId);
        long total = now.getGrowth();
        String current = now.getLevelCode();
        MemberLevel deserved = levelsByCode.get().values().stream()
                .filter(level -> level.getMinGrowth() <= total)
                .max(Comparator.comparingLong(MemberLevel::getMinGrowth))
                .orElse(null);
        if (deserved != null && !deserved.getCode().equals(current)
                && levelChanges.moveLevel(memberId, current, deserved.getCode()) == 1) {
            levelChanges.record(memberId, current, deserved.getCode(), total, clock.instant());
            events.publishEvent(new LevelChanged(memberId, current, deserved.getCode(), deserved.getName(), total,
                    clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    public List<LevelView> levels() {
        return levelsByCode.get().values().stream().sorted(Comparator.comparingLong(MemberLevel::getMinGrowth))
                .map(MemberService::toView).toList();
    }

    @Transactional
    public LevelView createLevel(String code, String name, long minGrowth, int multiplierPercent) {
        MemberLevel level = new MemberLevel();
        level.setCode(code);
        level.setName(name);
        level.setMinGrowth(minGrowth);
        level.setPointsMultiplierPercent(multiplierPercent);
        level.setCreatedAt(clock.instant());
        try {
            levelMapper.insert(level);
        } catch (DuplicateKeyException taken) {
            throw new InvalidRequestException("code", "level " + code + " already exists");
        }
        caches.changed(LEVELS_CACHE);
        LevelView view = toView(level);
        audit.record("LEVEL_CREATED", "level:" + code, null, view);
        return view;
    }

    /**
     * Changes a level's name, threshold or multiplier. Members move up when their growth next changes;
     * nobody moves down (levels only go up). The base level keeps a threshold of 0.
     */
    @Transactional
    public LevelView updateLevel(String code, String name, long minGrowth, int multiplierPercent) {
        MemberLevel level = levelMapper.selectOne(new LambdaQueryWrapper<MemberLevel>().eq(MemberLevel::getCode, code));
        if (level == null) {
            throw new NotFoundException("Level", code);
        }
        if ("BASE".equals(code) && minGrowth != 0) {
            throw new InvalidRequestException("minGrowth", "the base level starts at 0");
        }
        LevelView before = toView(level);
        level.setName(name);
        level.setMinGrowth(minGrowth);
        level.setPointsMultiplierPercent(multiplierPercent);
        levelMapper.updateById(level);
        caches.changed(LEVELS_CACHE);
        LevelView after = toView(level);
        audit.record("LEVEL_CHANGED", "level:" + code, before, after);
        return after;
    }

    /** The member's growth and the next level up, if any. */
    @Transactional(readOnly = true)
    public Progress progress(long memberId) {
        long growth = load(memberId).getGrowth();
        LevelView next = levelsByCode.get().values().stream()
                .filter(level -> level.getMinGrowth() > growth)
                .min(Comparator.comparingLong(MemberLevel::getMinGrowth))
                .map(MemberService::toView).orElse(null);
        return new Progress(growth, next, next == null ? 0 : next.minGrowth() - growth);
    }

    public record Progress(long growth, LevelView nextLevel, long growthToNext) {
    }

    private static LevelView toView(MemberLevel level) {
        return new LevelView(level.getId(), level.getCode(), level.getName(), level.getMinGrowth(),
                level.getPointsMultiplierPercent());
    }

    /** The points multiplier of the member's level, in percent (100 = ×1). */
    public int pointsMultiplierPercent(long memberId) {
        return awardProfile(memberId).multiplierPercent();
    }

    /** What an award needs to know of a member, in one read: the level's multiplier and the birthday. */
    public AwardProfile awardProfile(long memberId) {
        Member member = members.awardProfile(memberId);
        if (member == null) {
            throw new NotFoundException("Member", memberId);
        }
        MemberLevel level = levelsByCode.get().get(member.getLevelCode());
        return new AwardProfile(level == null ? 100 : level.getPointsMultiplierPercent(), member.getBirthday());
    }

    public record AwardProfile(int multiplierPercent, LocalDate birthday) {
    }

    /** Nicknames of these members, by id; members without one are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> nicknames(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> nicknames = new HashMap<>();
        for (Member member : members.selectByIds(memberIds)) {
            if (member.getNickname() != null) {
                nicknames.put(member.getId(), member.getNickname());
            }
        }
        return nicknames;
    }

    @Transactional(readOnly = true)
    public MemberProfile profile(long memberId) {
        return toProfile(load(memberId));
    }

    /**
     * Changes what the member may change of their profile. Only those columns are written: growth, level,
     * segment and last activity belong to their own guarded statements, which may run at the same time.
     */
    @Transactional
    public MemberProfile update(long memberId, ProfileChange change) {
        Member member = load(memberId);
        if (change.birthday() != null && change.birthday().isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("birthday", "must be a date in the past");
        }
        LambdaUpdateWrapper<Member> update = new LambdaUpdateWrapper<Member>()
                .set(Member::getUpdatedAt, clock.instant())
                .eq(Member::getId, memberId);
        if (change.nickname() != null) {
            update.set(Member::getNickname, change.nickname().strip());
        }
        if (change.avatarUrl() != null) {
            update.set(Member::getAvatarUrl, change.avatarUrl());
        }
        if (change.birthday() != null) {
            // set once (it brings a birthday gift): the guard holds against two first settings at once too
            update.set(Member::getBirthday, change.birthday())
                    .and(unset -> unset.isNull(Member::getBirthday).or().eq(Member::getBirthday, change.birthday()));
        }
        if (members.update(null, update) != 1) {
            throw new InvalidRequestException("birthday", "is set once (it brings a birthday gift); ask the brand to correct it");
        }
        return toProfile(load(member.getId()));
    }

    /** Binds the phone number behind a {@code getPhoneNumber} code; stored encrypted, answered masked. */
    public String bindPhone(long memberId, String phoneCode) {
        load(memberId);
        String phone = miniProgram.phoneNumber(phoneCode);
        String masked = PhoneCipher.mask(phone);
        members.update(null, new LambdaUpdateWrapper<Member>()
                .set(Member::getPhoneCipher, phoneCipher.encrypt(phone))
                .set(Member::getPhoneMasked, masked)
                .set(Member::getUpdatedAt, clock.instant())
                .eq(Member::getId, memberId));
        return masked;
    }

    /** Takes what WeChat and the app tell at login, column by column (never the whole row). */
    private Member refreshOnLogin(Member member, String unionid, String nickname, String avatarUrl) {
        LambdaUpdateWrapper<Member> update = new LambdaUpdateWrapper<Member>().eq(Member::getId, member.getId());
        boolean changed = false;
        if (unionid != null && !unionid.equals(member.getUnionid())) {
            update.set(Member::getUnionid, unionid);
            member.setUnionid(unionid);
            changed = true;
        }
        if (nickname != null && !nickname.isBlank() && !Objects.equals(nickname.strip(), member.getNickname())) {
            update.set(Member::getNickname, nickname.strip());
            member.setNickname(nickname.strip());
            changed = true;
        }
        if (avatarUrl != null && !avatarUrl.isBlank() && !Objects.equals(avatarUrl, member.getAvatarUrl())) {
            update.set(Member::getAvatarUrl, avatarUrl);
            member.setAvatarUrl(avatarUrl);
            changed = true;
        }
        if (changed) {
            members.update(null, update.set(Member::getUpdatedAt, clock.instant()));
        }
        return member;
    }

    private Member load(long memberId) {
        Member member = members.selectById(memberId);
        if (member == null) {
            throw new NotFoundException("Member", memberId);
        }
        return member;
    }

    private MemberProfile toProfile(Member member) {
        MemberLevel level = levelsByCode.get().get(member.getLevelCode());
        MemberProfile.Level shownLevel = level == null
                ? new MemberProfile.Level(member.getLevelCode(), member.getLevelCode())
                : new MemberProfile.Level(level.getCode(), level.getName());
        return new MemberProfile(member.getId(), member.getNickname(), member.getAvatarUrl(), member.getBirthday(),
                shownLevel, member.getPhoneMasked());
    }
}
