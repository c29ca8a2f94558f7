package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** {@code amount} points of lot {@code lotId} went to ledger entry {@code entryId}. */
@TableName("points_lot_draw")
public class PointsLotDraw {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long entryId;
    private Long lotId;
    private Long amount;

    static PointsLotDraw of(long entryId, long lotId, long amount) {
        PointsLotDraw draw = new PointsLotDraw();
        draw.entryId = entryId;
        draw.lotId = lotId;
        draw.amount = amount;
        return draw;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getEntryId() { return entryId; }
    public void setEntryId(Long entryId) { this.entryId = entryId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public Long getAmount() { return amount; }
    public void setAmount(Long amount) { this.amount = amount; }
}
