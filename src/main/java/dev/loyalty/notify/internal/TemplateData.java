package dev.loyalty.notify.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message's slots written for a template's data keys, by the rules WeChat sets for each key's type
 * (the key without its number: {@code thing3} is a thing): {@code thing} at most 20 characters,
 * {@code phrase} at most 5, {@code name} at most 10, {@code character_string} at most 32 of letters,
 * digits and signs, {@code number} digits, {@code amount} "¥12.34", {@code time} "yyyy-MM-dd HH:mm",
 * {@code date} "yyyy-MM-dd". A WeChat template refuses a message whose values break its rules.
 */
final class TemplateData {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private TemplateData() {
    }

    /** One value of a message: words, points, money or a moment. */
    sealed interface Slot {
    }

    record Text(String text) implements Slot {
    }

    record Points(long points, boolean signed) implements Slot {
    }

    record Cents(long cents, boolean signed) implements Slot {
    }

    record At(Instant instant) implements Slot {
    }

    /** The key → value pairs of one message, in the template's key order. */
    static List<Map.Entry<String, String>> fill(List<String> keys, List<Slot> slots, ZoneId zone) {
        List<Map.Entry<String, String>> data = new ArrayList<>();
        for (int i = 0; i < keys.size() && i < slots.size(); i++) {
            data.add(Map.entry(keys.get(i), value(keys.get(i), slots.get(i), zone)));
        }
        return data;
    }

    static String value(String key, Slot slot, ZoneId zone) {
        String type = key.replaceAll("\\d+$", "");
        return switch (type) {
            case "time" -> slot instanceof At at ? TIME.format(at.instant().atZone(zone)) : clip(plain(slot), 20);
            case "date" -> slot instanceof At at ? DATE.format(at.instant().atZone(zone)) : clip(plain(slot), 20);
            case "number" -> number(slot);
            case "amount" -> amount(slot);
            case "character_string" -> clip(plain(slot).replace("¥", "").replace(" 积分", ""), 32);
            case "phrase" -> clip(plain(slot), 5);
            case "name" -> clip(plain(slot), 10);
            default -> clip(plain(slot), 20);
        };
    }

    /** Words as a member reads them: "+10 积分", "-¥12.34", a time. */
    static String plain(Slot slot) {
        if (slot instanceof Points points) {
            return sign(points.points(), points.signed()) + Math.abs(points.points()) + " 积分";
        }
        if (slot instanceof Cents cents) {
            return sign(cents.cents(), cents.signed()) + yuan(Math.abs(cents.cents()));
        }
        if (slot instanceof At at) {
            return at.instant().toString();
        }
        String text = ((Text) slot).text();
        return text == null ? "" : text;
    }

    private static String number(Slot slot) {
        if (slot instanceof Points points) {
            return Long.toString(Math.abs(points.points()));
        }
        if (slot instanceof Cents cents) {
            return decimal(Math.abs(cents.cents()));
        }
        return "0";
    }

    private static String amount(Slot slot) {
        if (slot instanceof Cents cents) {
            return yuan(Math.abs(cents.cents()));
        }
        if (slot instanceof Points points) {
            return Long.toString(Math.abs(points.points()));
        }
        return "¥0.00";
    }

    private static String sign(long value, boolean signed) {
        if (!signed) {
            return value < 0 ? "-" : "";
        }
        return value < 0 ? "-" : "+";
    }

    /** Cents as ¥12.34, by integer arithmetic. */
    static String yuan(long cents) {
        return "¥" + decimal(cents);
    }

    private static String decimal(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    /** At most {@code max} characters (code points, as WeChat counts them), the last one "…" when cut. */
    static String clip(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
