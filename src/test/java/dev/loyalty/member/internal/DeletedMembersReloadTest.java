package dev.loyalty.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.common.security.DeletedMembers;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member deleted through another instance: this one learns of it at its next reload and refuses their token;
 * a deletion older than a member token's lifetime is not held, since every token of that member has expired.
 */
class DeletedMembersReloadTest extends IntegrationTest {

    @Autowired
    DeletedMembersReload reload;

    @Autowired
    DeletedMembers deleted;

    @Test
    void aDeletionCommittedElsewhereRefusesTheTokenAfterTheNextReloadAndOldDeletionsAreForgotten() {
        String code = unique("elsewhere");
        Api member = api.as(loginMember(code));
        long id = memberId(code);
        assertThat(member.get("/api/app/me").status()).isEqualTo(200);

        // what another instance's deletion leaves in the database (this instance's map is not told)
        jdbc.update("UPDATE member SET status = 'DELETED', deleted_at = ?, openid = NULL WHERE id = ?",
                Timestamp.from(clock.instant()), id);
        reload.reload();
        assertThat(member.get("/api/app/me").status()).isEqualTo(401);

        String oldCode = unique("long-ago");
        loginMember(oldCode);
        long oldId = memberId(oldCode);
        jdbc.update("UPDATE member SET status = 'DELETED', deleted_at = ?, openid = NULL WHERE id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(8))), oldId);
        reload.reload();
        assertThat(deleted.contains(oldId)).as("deleted longer ago than a token lives").isFalse();
        assertThat(deleted.contains(id)).isTrue();

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        reload.reload();
        assertThat(deleted.contains(id)).as("a token lifetime after the deletion, forgotten").isFalse();
    }
}
