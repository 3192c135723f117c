package dev.akin.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type a URI naming the problem kind ("about:blank": the status says it all)
 * @param title the status's short name
 * @param status the HTTP status
 * @param detail what was wrong with this request, safe to show: never a stack trace, class or path
 * @param instance the request path
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String instance) {
    static final String CONTENT_TYPE = "application/problem+json";

    static Problem of(int status, String title, String detail, String path) {
        return new Problem("about:blank", title, status, detail, path);
    }
}
