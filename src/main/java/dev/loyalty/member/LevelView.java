package dev.loyalty.member;

/** A level: members whose growth reaches {@code minGrowth} earn points × {@code pointsMultiplierPercent}/100. */
public record LevelView(long id, String code, String name, long minGrowth, int pointsMultiplierPercent) {
}
