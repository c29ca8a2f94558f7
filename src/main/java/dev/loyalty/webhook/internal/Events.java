package dev.loyalty.webhook.internal;

import dev.loyalty.webhook.WebhookEventType;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A webhook's event types as its row keeps them: wire names, comma-separated, in the enum's order. */
public final class Events {

    private Events() {
    }

    public static String format(Collection<WebhookEventType> types) {
        return EnumSet.copyOf(types).stream().map(WebhookEventType::wireName).collect(Collectors.joining(","));
    }

    public static Set<WebhookEventType> parse(String events) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(events.split(",")).map(String::strip)
                .forEach(name -> WebhookEventType.ofWireName(name).ifPresent(types::add));
        return types;
    }

    public static List<String> names(String events) {
        return parse(events).stream().map(WebhookEventType::wireName).toList();
    }
}
