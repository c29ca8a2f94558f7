package dev.loyalty.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a JFR recording, from its {@code jdk.ExecutionSample} events: by library, and the
 * methods with the most samples on top of the stack (self) and anywhere in it (total).
 */
final class JfrProfile {

    /** Package prefixes of each library, most specific first: the first match names the library. */
    private static final Map<String, List<String>> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("MyBatis / MyBatis-Plus", List.of("org.apache.ibatis.", "com.baomidou.", "org.mybatis."));
        LIBRARIES.put("Connector/J", List.of("com.mysql."));
        LIBRARIES.put("HikariCP", List.of("com.zaxxer.hikari."));
        LIBRARIES.put("Jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
        LIBRARIES.put("Spring Security", List.of("org.springframework.security."));
        LIBRARIES.put("Spring MVC / core", List.of("org.springframework."));
        LIBRARIES.put("jjwt", List.of("io.jsonwebtoken."));
        LIBRARIES.put("Micrometer", List.of("io.micrometer."));
        LIBRARIES.put("Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        LIBRARIES.put("Redisson / Netty", List.of("org.redisson.", "io.netty."));
        LIBRARIES.put("Hutool", List.of("cn.hutool."));
        LIBRARIES.put("our code (dev.loyalty)", List.of("dev.loyalty."));
        LIBRARIES.put("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
    }

    private static final List<String> PIPELINE = List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
            "org.springframework.security.web.", "org.springframework.web.filter.", "jakarta.servlet.");
    private static final String OTHER = "other";
    private static final String JDK = "JDK";

    private JfrProfile() {
    }

    static List<String> summarize(Path recording, int top) throws IOException {
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> byFirstNonJdk = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        int truncated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            truncated += event.getStackTrace().isTruncated() ? 1 : 0;
            byTopFrame.merge(library(className(frames.get(0))), 1, Integer::sum);
            byFirstNonJdk.merge(frames.stream().map(JfrProfile::className).map(JfrProfile::library)
                    .filter(library -> !library.equals(JDK)).findFirst().orElse(JDK), 1, Integer::sum);
            self.merge(method(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                if (seen.add(method(frame))) {
                    total.merge(method(frame), 1, Integer::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        if (samples == 0) {
            lines.add("profile: no execution samples in " + recording);
            return lines;
        }
        lines.add(String.format("profile: %d execution samples (%d with truncated stacks) in %s", samples, truncated, recording));
        lines.add(String.format("  %-26s %10s %22s", "CPU by library", "top frame", "first non-JDK frame"));
        List<String> libraries = new ArrayList<>(LIBRARIES.keySet());
        libraries.add(OTHER);
        final int all = samples;
        libraries.sort((a, b) -> byFirstNonJdk.getOrDefault(b, 0) - byFirstNonJdk.getOrDefault(a, 0));
        for (String library : libraries) {
            lines.add(String.format("  %-26s %9.1f%% %21.1f%%", library, 100.0 * byTopFrame.getOrDefault(library, 0) / all,
                    100.0 * byFirstNonJdk.getOrDefault(library, 0) / all));
        }
        lines.add("  top " + top + " methods by self samples:");
        ranked(self, top).forEach(e -> lines.add(String.format("  %6.1f%%  %s", 100.0 * e.getValue() / all, e.getKey())));
        // the frames every request passes through would fill the list before any of the work shows
        total.keySet().removeIf(JfrProfile::isPipeline);
        lines.add("  top " + top + " methods by total samples (the method and what it called; JDK, Tomcat, servlet filters,"
                + " Spring Security's filter chain, proxies and lambdas left out):");
        ranked(total, top).forEach(e -> lines.add(String.format("  %6.1f%%  %s", 100.0 * e.getValue() / all, e.getKey())));
        return lines;
    }

    private static List<Map.Entry<String, Integer>> ranked(Map<String, Integer> counts, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top).toList();
    }

    private static String className(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String method(RecordedFrame frame) {
        return className(frame) + "." + frame.getMethod().getName();
    }

    private static boolean isPipeline(String method) {
        return library(method).equals(JDK) || method.contains("$$") || method.contains("$Proxy")
                || PIPELINE.stream().anyMatch(method::startsWith) || method.contains(".OncePerRequestFilter.")
                || method.contains("Filter.doFilter");
    }

    static String library(String className) {
        for (Map.Entry<String, List<String>> library : LIBRARIES.entrySet()) {
            for (String prefix : library.getValue()) {
                if (className.startsWith(prefix)) {
                    return library.getKey();
                }
            }
        }
        return OTHER;
    }
}
