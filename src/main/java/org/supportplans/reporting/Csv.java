package org.supportplans.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report's rows as CSV (RFC 4180: a header row, CRLF line ends, quotes where needed; UTF-8): one column per
 * field of the row, named as in the JSON, in the same order. An empty cell is a null; a list is its items
 * joined by ";".
 */
final class Csv {

    static final String TEXT_CSV = "text/csv";
    static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Csv() {}

    static <R extends Record> ResponseEntity<String> of(String name, Class<R> rowType, List<R> rows) {
        RecordComponent[] columns = rowType.getRecordComponents();
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(Arrays.stream(columns).map(RecordComponent::getName).toArray(String[]::new))
                .get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (R row : rows) {
                for (RecordComponent column : columns) {
                    csv.print(cell(column.getAccessor().invoke(row)));
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read a field of " + rowType.getSimpleName(), e);
        }
        return ResponseEntity.ok()
                .contentType(MEDIA_TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + ".csv")
                                .build()
                                .toString())
                .body(out.toString());
    }

    private static Object cell(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return value;
    }
}
