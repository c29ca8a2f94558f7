package dev.loyalty.campaign.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import dev.loyalty.campaign.CampaignTrigger;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CampaignMapper extends BaseMapper<Campaign> {

    /** The switched-on campaigns of a trigger; the caller keeps those that run today. */
    @Select("SELECT * FROM campaign WHERE trigger_kind = #{trigger} AND enabled = TRUE ORDER BY id")
    List<Campaign> enabledOf(@Param("trigger") CampaignTrigger trigger);

    /** Takes one reward from the budget; 0 rows: the budget is spent (or the campaign was switched off). */
    @Update("UPDATE campaign SET rewarded = rewarded + 1 WHERE id = #{id} AND enabled = TRUE AND rewarded < budget")
    int takeBudget(@Param("id") long id);
}
