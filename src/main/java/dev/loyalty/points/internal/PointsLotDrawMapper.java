package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface PointsLotDrawMapper extends BaseMapper<PointsLotDraw> {
}
