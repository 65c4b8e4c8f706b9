package io.tierwatch.order.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.tierwatch.contracts.InvalidFieldException;
import io.tierwatch.order.ingest.StoreLostException;
import io.tierwatch.order.publish.BrokerUnavailableException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Every error is an RFC 9457 problem ({@code application/problem+json}); a bad request lists
 * each bad field by its JSON path in {@code errors}, and every rejection is counted by reason.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private final RequestMetrics metrics;

    ProblemHandler(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage())).toList();
        return invalid(problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a bad path variable and a bad body are reported together: body errors by their field
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                        : r.getResolvableErrors().stream().map(e -> new FieldProblem(
                                r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return invalid(problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = JsonErrors.tooLarge(ex);
        return tooLarge != null ? tooLarge(tooLarge, request) : invalid(List.of(JsonErrors.problemOf(ex)), request);
    }

    /** A contract rule the request's own checks did not catch first: the field it names is wrong. */
    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex, WebRequest request) {
        return invalid(List.of(new FieldProblem(ex.field(), ex.reason())), request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
        return invalid(ex.problems(), request);
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestTooLargeException ex, WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", ex.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, ex.reason(),
                "in-progress".equals(ex.reason()) ? "Submission in progress" : "Conflicting resubmission",
                ex.getMessage(), request);
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<Object> unprocessable(UnprocessableException ex, WebRequest request) {
        ResponseEntity<Object> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable",
                "Request breaks a business rule", ex.getMessage(), request);
        ((ProblemDetail) response.getBody()).setProperty("errors", ex.problems());
        return response;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage(), request);
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<Object> brokerUnavailable(BrokerUnavailableException ex, WebRequest request) {
        logger.warn("Kafka unavailable: " + ex.getMessage(), ex.getCause());
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable",
                "Event store unavailable", "Kafka did not acknowledge the event in time; nothing was accepted. Retry later.",
                request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(response.getBody());
    }

    @ExceptionHandler(StoreLostException.class)
    ResponseEntity<Object> storeLost(StoreLostException ex, WebRequest request) {
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-recovering",
                "Idempotency store recovering", "Redis lost the records that tell a resubmission from a new "
                        + "submission; they are being recovered from Kafka. Nothing was accepted: retry the same request "
                        + "shortly, it is published at most once.", request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(response.getBody());
    }

    @ExceptionHandler(JedisConnectionException.class)
    ResponseEntity<Object> redisUnavailable(JedisConnectionException ex, WebRequest request) {
        logger.warn("Redis unavailable: " + ex.getMessage());
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Idempotency store unavailable", "Redis is unreachable, so the request cannot be checked for "
                        + "duplicates. Retry the same request later: it is published at most once.", request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(response.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            metrics.rejected(type(request), "too-large");
        } else if (status.is4xxClientError()) {
            metrics.rejected(type(request), "http-" + status.value());
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
        String detail = problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", detail, request);
        ((ProblemDetail) response.getBody()).setProperty("errors", problems);
        return response;
    }

    private ResponseEntity<Object> problem(HttpStatus status, String reason, String title, String detail,
            WebRequest request) {
        metrics.rejected(type(request), reason);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:tierwatch:problem:" + reason));
        body.setTitle(title);
        if (request instanceof ServletWebRequest servlet) {
            body.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String type(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? RequestMetrics.typeOf(servlet.getRequest().getRequestURI())
                : "other";
    }
}
