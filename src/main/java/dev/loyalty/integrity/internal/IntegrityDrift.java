package dev.loyalty.integrity.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One drift a run found, kept with the run (the first 1,000 of a run). */
@TableName("integrity_drift")
public class IntegrityDrift {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long runId;
    private String kind;
    private Long refId;
    private Long expected;
    private Long actual;
    private String what;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getRunId() { return runId; }
    public void setRunId(Long runId) { this.runId = runId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getRefId() { return refId; }
    public void setRefId(Long refId) { this.refId = refId; }
    public Long getExpected() { return expected; }
    public void setExpected(Long expected) { this.expected = expected; }
    public Long getActual() { return actual; }
    public void setActual(Long actual) { this.actual = actual; }
    public String getWhat() { return what; }
    public void setWhat(String what) { this.what = what; }
}
