package dev.loyalty.notify;

import java.time.Instant;

/** What the notify module holds about one member: their follower link, subscribe-message grants and messages. */
public final class MemberMessages {

    private MemberMessages() {
    }

    /** The official-account follower linked to the member. */
    public record FollowerBinding(String mpOpenid, boolean subscribed, Instant updatedAt) {
    }

    /** Subscribe-message grants left for one template. */
    public record Subscription(String templateId, int grants, Instant updatedAt) {
    }

    /** A message written for the member, with what it said. */
    public record Message(long id, String kind, String status, String channel, String subject, String detail,
            String changeText, String balanceText, Instant createdAt, Instant sentAt) {
    }

    /** What erasing a member removed: follower links, subscriptions, and messages whose contents were blanked. */
    public record Erased(int followers, int subscriptions, int messages) {
    }
}
