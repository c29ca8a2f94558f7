package dev.loyalty.integrity.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One completed integrity check: when, how many rows it checked (in all and per check), how much drift it found. */
@TableName("integrity_run")
public class IntegrityRun {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Instant startedAt;
    private Instant checkedAt;
    private Long accounts;
    private String checkedJson;
    private Long driftCount;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getCheckedAt() { return checkedAt; }
    public void setCheckedAt(Instant checkedAt) { this.checkedAt = checkedAt; }
    public Long getAccounts() { return accounts; }
    public void setAccounts(Long accounts) { this.accounts = accounts; }
    public String getCheckedJson() { return checkedJson; }
    public void setCheckedJson(String checkedJson) { this.checkedJson = checkedJson; }
    public Long getDriftCount() { return driftCount; }
    public void setDriftCount(Long driftCount) { this.driftCount = driftCount; }
}
