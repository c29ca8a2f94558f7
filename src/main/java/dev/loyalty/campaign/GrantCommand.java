package dev.loyalty.campaign;

import dev.loyalty.member.Segment;
import java.util.List;

/**
 * What an operator grants ({@code templateId}, {@code points} or both) to whom: exactly one of
 * {@code memberIds}, {@code segment} and {@code levelCode}.
 */
public record GrantCommand(Long templateId, Long points, String reason, List<Long> memberIds, Segment segment,
        String levelCode) {

    public GrantTargetKind targetKind() {
        return memberIds != null ? GrantTargetKind.MEMBERS : segment != null ? GrantTargetKind.SEGMENT : GrantTargetKind.LEVEL;
    }
}
