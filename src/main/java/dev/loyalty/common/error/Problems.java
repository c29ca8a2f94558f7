package dev.loyalty.common.error;

import dev.loyalty.common.web.RequestIdFilter;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies every error of the API uses. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return withCode(problem, code);
    }

    public static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setProperty("code", code);
        problem.setProperty("requestId", MDC.get(RequestIdFilter.MDC_KEY));
        return problem;
    }

    public static ProblemDetail validation(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = of(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The problem code for a status that no business rule named. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "VALIDATION_FAILED";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
    }
}
