package dev.loyalty.common.security;

import dev.loyalty.common.error.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem body from a filter, where no controller advice reaches. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Writes and flushes the whole answer, with its length, so it reaches a client still sending a body we refused. */
    public void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        byte[] body = json.writeValueAsBytes(Problems.of(status, code, detail));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
