package dev.loyalty.open.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A store's API key; the secret only sealed ({@link SecretSealer}). */
@TableName("open_api_key")
public class ApiKey {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String keyId;
    private Long storeId;
    private String name;
    private String secretSealed;
    private Instant createdAt;
    private Instant revokedAt;
    private Instant lastUsedAt;

    public static ApiKey of(String keyId, long storeId, String name, String secretSealed, Instant now) {
        ApiKey key = new ApiKey();
        key.keyId = keyId;
        key.storeId = storeId;
        key.name = name;
        key.secretSealed = secretSealed;
        key.createdAt = now;
        return key;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSecretSealed() { return secretSealed; }
    public void setSecretSealed(String secretSealed) { this.secretSealed = secretSealed; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public void setLastUsedAt(Instant lastUsedAt) { this.lastUsedAt = lastUsedAt; }
}
