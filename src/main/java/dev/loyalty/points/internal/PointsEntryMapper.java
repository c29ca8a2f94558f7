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

    /** Points already reversed of an entry, as a positive number. */
    @Select("SELECT COALESCE(SUM(ABS(delta)), 0) FROM points_entry WHERE reverses_id = #{entryId}")
    long reversedOf(@Param("entryId") long entryId);
}
