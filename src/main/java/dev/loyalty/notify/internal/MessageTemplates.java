package dev.loyalty.notify.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The template of each kind of message on each channel: {@code wx.mp.templates.<kind>} (official-account
 * template messages) and {@code wx.miniapp.templates.<kind>} (Mini Program subscribe messages), each an
 * id (empty: that channel is off for the kind), the template's data keys in slot order, and a page.
 */
@ConfigurationProperties("wx")
public record MessageTemplates(Channel mp, Channel miniapp) {

    public MessageTemplates {
        mp = mp == null ? new Channel(Map.of()) : mp;
        miniapp = miniapp == null ? new Channel(Map.of()) : miniapp;
    }

    Template officialAccount(MessageKind kind) {
        return mp.of(kind);
    }

    Template miniProgram(MessageKind kind) {
        return miniapp.of(kind);
    }

    /** Refuses, at start-up, a template whose keys do not fill its kind's slots exactly. */
    void check() {
        for (MessageKind kind : MessageKind.values()) {
            for (Template template : List.of(mp.of(kind), miniapp.of(kind))) {
                if (template.configured() && template.keys().size() != kind.slots()) {
                    throw new IllegalStateException("The template " + template.id() + " of " + kind.configName()
                            + " needs " + kind.slots() + " data keys in slot order, not " + template.keys());
                }
            }
        }
    }

    public record Channel(Map<String, Template> templates) {

        public Channel {
            templates = templates == null ? Map.of() : templates;
        }

        Template of(MessageKind kind) {
            Template template = templates.get(kind.configName());
            return template == null ? new Template("", List.of(), "") : template;
        }

        /** The configured template ids, by kind. */
        Map<MessageKind, String> ids() {
            Map<MessageKind, String> ids = new EnumMap<>(MessageKind.class);
            for (MessageKind kind : MessageKind.values()) {
                ids.put(kind, of(kind).configured() ? of(kind).id() : "");
            }
            return ids;
        }
    }

    public record Template(String id, List<String> keys, String page) {

        public Template {
            id = id == null ? "" : id.trim();
            keys = keys == null ? List.of() : keys.stream().map(String::trim).toList();
            page = page == null ? "" : page.trim();
        }

        boolean configured() {
            return !id.isEmpty();
        }
    }
}
