package dev.loyalty.support;

import dev.loyalty.member.SegmentEntered;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Every {@link SegmentEntered} as it is published, on the publisher's thread, inside its transaction. */
public class RecordedSegmentEvents {

    private final List<SegmentEntered> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SegmentEntered event) {
        events.add(event);
    }

    /** How many have been published so far: what follows it in {@link #since} came later. */
    public int mark() {
        return events.size();
    }

    public List<SegmentEntered> since(int mark) {
        return List.copyOf(events.subList(mark, events.size()));
    }
}
