package dev.akin.http;

/** A request the API refuses, with the HTTP status and a detail fit to show the client. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String title;

    ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
