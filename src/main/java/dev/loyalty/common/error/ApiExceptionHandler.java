package dev.loyalty.common.error;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps every exception that leaves a controller to an {@code application/problem+json} answer. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(LoyaltyException.class)
    ResponseEntity<ProblemDetail> handleBusinessRule(LoyaltyException ex) {
        ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.getMessage());
        if (ex instanceof InvalidRequestException invalid) {
            problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", ex.getMessage())));
        }
        return ResponseEntity.status(ex.status()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = "must be a valid " + (ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName());
        return ResponseEntity.badRequest().body(Problems.validation("Parameter '" + ex.getName() + "' is invalid",
                List.of(Map.of("field", ex.getName(), "message", message))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation("Request is invalid", errors));
    }

    /**
     * Tomcat refuses a query string it cannot decode (a broken %-escape, bytes that are not UTF-8, too many
     * parameters) when it is first read.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleMalformedQuery(InvalidParameterException ex) {
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The query string of the URL is malformed"));
    }

    /** A multipart body the container cannot parse (no boundary, cut short); too large is 413, answered above. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleMalformedMultipart(MultipartException ex) {
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The multipart/form-data body is malformed"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication required"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        if (DatabaseOutage.explains(ex)) {
            log.warn("The database is unreachable: {}", DatabaseOutage.rootMessage(ex));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                            "The database cannot be reached right now; please try again in a moment"));
        }
        log.error("Unexpected error", ex);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR", "Something went wrong on our side; quote the requestId when reporting it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::toError)
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation("Request body is invalid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName() == null ? "?" : result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation("Request is invalid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.validation("Request is invalid",
                List.of(Map.of("field", ex.getRequestPartName(), "message", "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(tooLarge.status()).body(Problems.of(tooLarge.status(), tooLarge.code(), tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest().body(Problems.validation(
                "Request body is missing or is not valid JSON of the expected shape", fieldOf(ex)));
    }

    /** The field a value of the wrong type was sent for ("1.5" or "abc" for a whole number), when Jackson knows it. */
    private static List<Map<String, String>> fieldOf(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof tools.jackson.databind.DatabindException wrongValue && !wrongValue.getPath().isEmpty()) {
            String field = wrongValue.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
            return List.of(Map.of("field", field, "message", "has the wrong type for this field"));
        }
        return List.of();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            Problems.withCode(problem, Problems.codeFor(statusCode));
        }
        return response;
    }

    private static Map<String, String> toError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
