package dev.loyalty.notify.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.WxMpUserService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import me.chanjar.weixin.mp.bean.result.WxMpUserList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Imports the official account's followers, for an account that had followers before the portal was
 * connected (their subscribe events never reached us): walks WeChat's follower list page by page, asks
 * for their unionids 100 at a time, and records each follower as subscribed. Followers already known keep
 * their row and gain a unionid WeChat now gives. On demand only ({@code POST /api/admin/jobs/follower-import/run}).
 * <p>
 * Resumable: after each page is saved the list's cursor (next_openid) is kept in
 * {@code notify_follower_import}, so a run that failed mid-way continues with the page it stopped at;
 * a run that reaches the end clears it, and the next run starts from the top.
 */
@Component
class FollowerImportJob implements Job {

    static final String NAME = "follower-import";
    /** The most openids {@code user/info/batchget} takes at once. */
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(FollowerImportJob.class);

    private final WxMpService officialAccount;
    private final FollowerImportMapper imports;
    private final FollowerMapper followers;
    private final JobLock jobLock;
    private final Clock clock;

    FollowerImportJob(WxMpService officialAccount, FollowerImportMapper imports, FollowerMapper followers,
            JobLock jobLock, Clock clock) {
        this.officialAccount = officialAccount;
        this.imports = imports;
        this.followers = followers;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Answers how many listed followers this run saved. */
    @Override
    public long run() {
        return jobLock.runAlone(NAME, this::importFromCursor);
    }

    private long importFromCursor() {
        String cursor = blankToNull(imports.cursor(NAME));
        long saved = 0;
        while (true) {
            Instant listedAt = clock.instant();
            String asked = cursor; // null: WxJava asks for the first page
            WxMpUserList page = call(() -> users().userList(asked), "user/get");
            List<String> openids = page.getOpenids() == null ? List.of() : page.getOpenids();
            for (int from = 0; from < openids.size(); from += BATCH) {
                saved += save(openids.subList(from, Math.min(from + BATCH, openids.size())), listedAt);
            }
            String next = blankToNull(page.getNextOpenid());
            if (openids.isEmpty() || next == null || next.equals(cursor)) {
                moveCursor(null);
                log.info("Follower import finished: {} followers saved in this run, {} listed by WeChat", saved,
                        page.getTotal());
                return saved;
            }
            moveCursor(next);
            cursor = next;
        }
    }

    private long save(List<String> openids, Instant listedAt) {
        List<WxMpUser> infos = call(() -> users().userInfoList(openids), "user/info/batchget");
        Map<String, WxMpUser> byOpenid = new HashMap<>();
        for (WxMpUser info : infos) {
            if (info.getOpenId() != null) {
                byOpenid.put(info.getOpenId(), info);
            }
        }
        Map<String, Follower> known = followers.selectList(new LambdaQueryWrapper<Follower>()
                        .in(Follower::getMpOpenid, openids))
                .stream().collect(Collectors.toMap(Follower::getMpOpenid, Function.identity()));
        long saved = 0;
        for (String openid : openids) {
            WxMpUser info = byOpenid.get(openid);
            if (info != null && Boolean.FALSE.equals(info.getSubscribe())) {
                continue; // left between the list and the lookup
            }
            String unionid = info == null ? null : blankToNull(info.getUnionId());
            saved += save(openid, unionid, known.get(openid), listedAt) ? 1 : 0;
        }
        return saved;
    }

    private boolean save(String openid, String unionid, Follower known, Instant listedAt) {
        if (known == null) {
            try {
                return imports.insertFollower(openid, unionid, clock.instant()) == 1;
            } catch (DuplicateKeyException recordedMeanwhile) {
                // a subscribe event got there first: refresh it below
            }
        } else if (Boolean.TRUE.equals(known.getSubscribed())
                && (unionid == null || Objects.equals(unionid, known.getUnionid()))) {
            return true; // nothing new
        }
        return imports.refreshFollower(openid, unionid, listedAt, clock.instant()) == 1;
    }

    private void moveCursor(String next) {
        if (imports.moveCursor(NAME, next, clock.instant()) == 0) {
            try {
                imports.createCursor(NAME, next, clock.instant());
            } catch (DuplicateKeyException createdMeanwhile) {
                imports.moveCursor(NAME, next, clock.instant());
            }
        }
    }

    private WxMpUserService users() {
        return officialAccount.getUserService();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static <T> T call(WxCallFailedException.Call<T> call, String what) {
        return WxCallFailedException.call(NAME, what, call);
    }
}
