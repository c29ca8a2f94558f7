package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PointsEntryMapper extends BaseMapper<PointsEntry> {

    default Optional<PointsEntry> findByKey(String idempotencyKey) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<PointsEntry>()
                .eq(PointsEntry::getIdempotencyKey, idempotencyKey)));
    }

    /** Points of an earning's lot written off by EXPIRE rows, as a positive number. */
    @Select("""
            SELECT COALESCE(SUM(-e.delta), 0)
              FROM points_lot l JOIN points_entry e ON e.idempotency_key = CONCAT('expire:lot:', l.id)
             WHERE l.entry_id = #{entryId}
            """)
    long expiredFromLotOf(@Param("entryId") long entryId);

    /** Points already reversed of an entry, as a positive number. */
    @Select("SELECT COALESCE(SUM(ABS(delta)), 0) FROM points_entry WHERE reverses_id = #{entryId}")
    long reversedOf(@Param("entryId") long entryId);
}
