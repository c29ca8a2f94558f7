package dev.loyalty.campaign.internal;

import dev.loyalty.campaign.CampaignTrigger;
import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.member.MemberService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily {@code campaigns} job: rewards the members whose birthday is today (29 February on the 28th in
 * other years) for every BIRTHDAY campaign that runs today, once per member and year. One instance at a time
 * (the job's lease); a second run the same day finds the members' rows and gives nothing more.
 */
@Component
class CampaignJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(CampaignJob.class);
    private static final int BATCH = 500;

    private final CampaignMapper campaigns;
    private final CampaignRewarder rewarder;
    private final MemberService members;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;
    private final Clock clock;

    CampaignJob(CampaignMapper campaigns, CampaignRewarder rewarder, MemberService members, JobLock jobLock,
            JobSwitch jobSwitch, Clock clock) {
        this.campaigns = campaigns;
        this.rewarder = rewarder;
        this.members = members;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "campaigns";
    }

    @Scheduled(cron = "${loyalty.campaigns.cron:0 30 0 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void daily() {
        jobSwitch.onSchedule(this);
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), this::birthdays);
    }

    private long birthdays() {
        LocalDate today = LocalDate.now(clock);
        long reached = 0;
        for (Campaign campaign : campaigns.enabledOf(CampaignTrigger.BIRTHDAY)) {
            long afterId = 0;
            Campaign current = campaign;
            List<Long> batch = members.idsWithBirthdayAfter(today, afterId, BATCH);
            while (!batch.isEmpty() && current != null && current.runsOn(today)) {
                for (long memberId : batch) {
                    try {
                        if (rewarder.reward(current, memberId, today.getYear()) != null) {
                            reached++;
                        }
                    } catch (RuntimeException broken) {
                        log.warn("Campaign {} could not reward member {}", campaign.getId(), memberId, broken);
                    }
                }
                afterId = batch.get(batch.size() - 1);
                batch = members.idsWithBirthdayAfter(today, afterId, BATCH);
                current = campaigns.selectById(campaign.getId());
            }
        }
        log.info("Birthday campaigns reached {} members", reached);
        return reached;
    }
}
