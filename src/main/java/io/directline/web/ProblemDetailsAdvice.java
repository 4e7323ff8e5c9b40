package io.directline.web;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.ResolvableType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every kind of bad API input into an RFC 9457 problem with a sentence a person understands.
 * Modules raise their own refusals as {@link org.springframework.web.ErrorResponseException}s, which
 * the base class renders as they are.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(1)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                problem.setTitle("Request too large");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
            }
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(ex));
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::sentence)
                .distinct()
                .collect(Collectors.joining("; "));
        if (detail.isEmpty()) {
            detail = ex.getBindingResult().getAllErrors().stream()
                    .map(e -> String.valueOf(e.getDefaultMessage()))
                    .collect(Collectors.joining("; "));
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new LinkedHashMap<String, String>();
        ex.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(e -> errors.put(r.getMethodParameter().getParameterName(), e.getDefaultMessage())));
        String detail = errors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail + ".");
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + (ex.getContentType() == null ? "(none)" : ex.getContentType())
                        + " is not accepted here; send application/json.");
        problem.setTitle("Unsupported content type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .headers(headers)
                .body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        Class<?> type = ex.getRequiredType();
        if (type != null && Collection.class.isAssignableFrom(type)) {
            // a repeatable parameter such as ?status=OPEN&status=NEW: name what each value may be
            type = ResolvableType.forMethodParameter(ex.getParameter())
                    .asCollection()
                    .resolveGeneric(0);
        }
        String expected = type == null ? "a different value" : describe(type);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, ex.getName() + " must be " + expected + ", not '" + ex.getValue() + "'.");
        problem.setTitle("Invalid parameter");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone changed this at the same moment; reload and try again.");
        problem.setTitle("Concurrent change");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * Said when the database refused a value that validation let through: a bug to fix where the value comes in (a
     * size or range on the request), but the caller still learns it was their value, not our failure.
     */
    static final String UNCHECKED_VALUE = "Value not accepted by the database";

    static final String VALUE_DOES_NOT_FIT =
            "A value in this request is too long, out of range or contains characters that cannot be stored;"
                    + " shorten or correct it and try again.";

    /**
     * The database refused a change. A value that does not fit (SQL state class 22) or a required value left empty
     * (23502) is the caller's to correct: 400. A unique index catching a duplicate (two identical requests racing)
     * is a conflict, and nothing was stored twice: 409.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> duplicate(DataIntegrityViolationException ex) {
        var state = sqlState(ex);
        if (state != null && (state.startsWith("22") || state.equals("23502"))) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    state.equals("23502") ? "A required value is missing; send it and try again." : VALUE_DOES_NOT_FIT);
            problem.setTitle(UNCHECKED_VALUE);
            return ResponseEntity.badRequest().body(problem);
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "This conflicts with something stored at the same moment (perhaps the same request twice);"
                        + " reload and try again.");
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static String sqlState(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String sentence(FieldError error) {
        return error.getField() + " " + error.getDefaultMessage();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.getSimpleName().equals("Instant")) {
            return "an ISO-8601 instant between the years 1 and 9999, such as 2026-11-01T00:00:00Z";
        }
        return "a " + type.getSimpleName();
    }

    private static String unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return path(invalid) + " contains the NUL character (\\u0000), which cannot be stored; remove it.";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return path(invalid) + " must be " + describe(invalid.getTargetType()) + ", not '" + invalid.getValue()
                    + "'.";
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String path = path(mismatched);
            return path.isEmpty()
                    ? "The request body must be a JSON object."
                    : path + " has the wrong type; expected " + describe(mismatched.getTargetType()) + ".";
        }
        if (cause instanceof StreamReadException parse) {
            var location = parse.getLocation();
            return "The request body is not valid JSON"
                    + (location == null
                            ? ""
                            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                    + ".";
        }
        if (cause instanceof JacksonException) {
            return "The request body could not be read as JSON.";
        }
        return "The request body is missing or unreadable; send a JSON object.";
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
