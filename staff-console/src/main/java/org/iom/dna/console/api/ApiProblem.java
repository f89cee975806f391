package org.iom.dna.console.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A service refused a request, as RFC 9457 problem details: the console shows its title and detail in plain words
 * and each field error beside what the user typed. The services put no personal data in these.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(status + " " + title);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One sentence for the page: the detail, else the title, then each field's complaint. */
    public String plainWords() {
        String head = detail != null && !detail.isBlank() ? detail : title;
        if (errors.isEmpty()) {
            return head;
        }
        return head + ": "
                + errors.stream()
                        .map(e -> e.path().replaceFirst("^\\$\\.", "") + " " + e.message())
                        .collect(Collectors.joining("; "));
    }

    public record FieldError(String path, String message) {}
}
