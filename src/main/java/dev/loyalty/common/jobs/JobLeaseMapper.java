package dev.loyalty.common.jobs;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface JobLeaseMapper {

    /** The job's row, free; fails with a duplicate key once it exists. */
    @Insert("INSERT INTO job_lease (name, holder, lease_until) VALUES (#{name}, NULL, #{now})")
    int create(@Param("name") String name, @Param("now") Instant now);

    /** 1 when this holder now has the lease: it was free, or its holder's lease ran out. */
    @Update("""
            UPDATE job_lease SET holder = #{holder}, lease_until = #{until}
             WHERE name = #{name} AND (holder IS NULL OR lease_until < #{now})
            """)
    int take(@Param("name") String name, @Param("holder") String holder, @Param("now") Instant now,
            @Param("until") Instant until);

    @Update("UPDATE job_lease SET holder = NULL WHERE name = #{name} AND holder = #{holder}")
    int give(@Param("name") String name, @Param("holder") String holder);
}
