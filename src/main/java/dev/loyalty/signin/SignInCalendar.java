package dev.loyalty.signin;

import java.time.LocalDate;
import java.util.List;

/**
 * A month of sign-ins. {@code makeupCostPoints} is what one makeup costs, so the app can ask before it
 * spends them; {@code makeupFrom} is the earliest day a makeup may fill (null when makeups are off).
 */
public record SignInCalendar(String month, List<Day> days, int streak, boolean signedToday, int makeupLeft,
        NextReward nextReward, long makeupCostPoints, LocalDate makeupFrom) {

    public record Day(LocalDate date, boolean signedIn, boolean makeup, long points) {
    }

    /** What the next sign-in earns: its position in the streak, and its points. */
    public record NextReward(int streakDay, long points) {
    }
}
