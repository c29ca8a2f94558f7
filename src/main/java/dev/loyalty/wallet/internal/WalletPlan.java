package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("wallet_plan")
public class WalletPlan {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String name;
    private Long payCents;
    private Long bonusCents;
    private Boolean enabled;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getPayCents() { return payCents; }
    public void setPayCents(Long payCents) { this.payCents = payCents; }
    public Long getBonusCents() { return bonusCents; }
    public void setBonusCents(Long bonusCents) { this.bonusCents = bonusCents; }
    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
