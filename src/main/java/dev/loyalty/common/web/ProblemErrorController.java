package dev.loyalty.common.web;

import dev.loyalty.common.error.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the container forwards to when a request failed outside every controller: refused by Spring
 * Security's firewall ({@code //}, {@code %2e%2e}, {@code ;} in the path), or by a filter's {@code sendError}.
 * It answers a problem with a code whatever the caller accepts, as every other error of the API does;
 * {@link ContainerErrorConfig} does the same for what Tomcat refuses before any of the app runs.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, response));
    }

    /** The problem for a request the container or a filter refused; 400 there is a malformed request, not bad input. */
    static ProblemDetail problem(HttpStatus status, HttpServletResponse response) {
        String code = status == HttpStatus.BAD_REQUEST ? "BAD_REQUEST" : Problems.codeFor(status);
        String detail = switch (status) {
            case BAD_REQUEST -> "The request was refused before it reached the API: its URL or headers are malformed";
            case NOT_FOUND -> "Nothing here";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side; quote the requestId when reporting it"
                    : status.getReasonPhrase();
        };
        ProblemDetail problem = Problems.of(status, code, detail);
        if (problem.getProperties() == null || problem.getProperties().get("requestId") == null) {
            // the request id filter has finished (error dispatch) or never ran (refused by Tomcat)
            String requestId = response.getHeader(RequestIdFilter.HEADER);
            if (requestId == null) {
                requestId = UUID.randomUUID().toString().replace("-", "");
                response.setHeader(RequestIdFilter.HEADER, requestId);
            }
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
