package dev.loyalty.counter.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("counter_store")
public class Store {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String name;
    private String address;
    private Instant createdAt;

    public static Store of(String name, String address, Instant now) {
        Store store = new Store();
        store.name = name;
        store.address = address;
        store.createdAt = now;
        return store;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
