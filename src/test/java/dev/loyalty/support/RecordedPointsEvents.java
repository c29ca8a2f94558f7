package dev.loyalty.support;

import dev.loyalty.points.PointsChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Every {@link PointsChanged} that reached a module listener, which runs as production listeners do:
 * after commit, on its own thread, through the event publication registry.
 */
public class RecordedPointsEvents {

    private final List<PointsChanged> events = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(PointsChanged event) {
        events.add(event);
    }

    public List<PointsChanged> of(long memberId) {
        return events.stream().filter(e -> e.memberId() == memberId).toList();
    }
}
