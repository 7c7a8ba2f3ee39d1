package io.rustydb.sql;

/**
 * What a prepared COPY statement exchanges with the client: data from the client
 * ({@code COPY ... FROM STDIN}) or to it ({@code COPY ... TO STDOUT}), in text or CSV format, with
 * this many columns per row (the CopyInResponse / CopyOutResponse column count).
 */
public record CopyDescription(boolean fromClient, boolean csv, int columnCount) {
}
