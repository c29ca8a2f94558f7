package dev.loyalty.signin;

import java.util.List;

public record Leaderboard(List<Entry> items, MyRank me) {

    public record Entry(int rank, long memberId, String nickname, long value) {
    }

    /** The caller's own rank (null when they are not on the board) and value. */
    public record MyRank(Integer rank, long value) {
    }
}
