package io.rustydb.http;

import io.rustydb.http.json.ApiJson;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests too malformed to reach the routes (a bad request line or header, an entity over
 * the size limit) in the API's error envelope, instead of Pekko's plain text. Named by
 * {@code pekko.http.server.parsing.error-handler} in this module's reference.conf.
 */
public final class ApiParsingErrorHandler extends ParsingErrorHandler {

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
        log.warning("Illegal request, responding with status '{}': {}", status, info.formatPretty());
        int code = status.intValue();
        String message = info.summary().isEmpty() ? status.reason() : info.summary();
        return ApiJson.error(code, ApiJson.codeOf(code), message);
    }
}
