package org.supportplans.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A OneRoster 1.2 CSV bulk or delta file as a district's student information system exports it: a zip of
 * {@code manifest.csv} and the data files it names ({@code orgs.csv}, {@code users.csv}, {@code roles.csv},
 * {@code classes.csv}, {@code enrollments.csv}, {@code academicSessions.csv}, {@code demographics.csv}; the others
 * are read past). Columns are found by their header, so extension columns ({@code metadata.*}) and a different
 * column order are fine. Every problem is collected with its file and line (line 1 is the header).
 *
 * <p>1EdTech OneRoster 1.2 CSV Tables: the manifest's {@code oneroster.version} is {@code 1.2} and each {@code
 * file.*} is {@code bulk}, {@code delta} or {@code absent}; in a bulk file {@code status} and {@code
 * dateLastModified} are blank, in a delta file {@code status} is {@code active} or {@code tobedeleted}.
 */
final class OneRosterZip {

    /** The data files we read, and the columns each must have. */
    static final Map<String, List<String>> FILES = Map.of(
            "orgs", List.of("sourcedId", "name", "type"),
            "users", List.of("sourcedId", "username", "givenName", "familyName"),
            "roles", List.of("userSourcedId", "roleType", "role", "orgSourcedId"),
            "classes", List.of("sourcedId", "title", "schoolSourcedId"),
            "enrollments", List.of("classSourcedId", "userSourcedId", "role"),
            "academicSessions", List.of("sourcedId", "title", "type", "startDate", "endDate"),
            "demographics", List.of("sourcedId"));

    /** A zip larger than this once inflated is refused: 512 MiB holds the roster of a state's largest district. */
    static final long MAX_INFLATED_BYTES = 512L * 1024 * 1024;

    enum Mode {
        BULK,
        DELTA,
        ABSENT
    }

    /** A problem of the file, where it is. */
    record Problem(String file, long line, String message) {}

    /** A row of a data file: its values by column, and where it is. */
    record Row(String file, long line, Map<String, String> values) {

        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }

        /** Whether the row says its record is gone (a delta's {@code tobedeleted}). */
        boolean deleted() {
            return "tobedeleted".equals(get("status"));
        }
    }

    private final Map<String, Mode> modes;
    private final Map<String, List<Row>> rows;

    private OneRosterZip(Map<String, Mode> modes, Map<String, List<Row>> rows) {
        this.modes = modes;
        this.rows = rows;
    }

    Mode mode(String file) {
        return modes.getOrDefault(file, Mode.ABSENT);
    }

    List<Row> rows(String file) {
        return rows.getOrDefault(file, List.of());
    }

    /** Bulk when any file is bulk (a bulk file replaces what it covers), else delta. */
    Mode overall() {
        return modes.containsValue(Mode.BULK) ? Mode.BULK : Mode.DELTA;
    }

    /** The rows of a whole roster from elsewhere (a REST provider): each file given is a bulk file. */
    static OneRosterZip bulk(Map<String, List<Row>> rows) {
        Map<String, Mode> modes = new LinkedHashMap<>();
        FILES.keySet().forEach(file -> modes.put(file, rows.containsKey(file) ? Mode.BULK : Mode.ABSENT));
        return new OneRosterZip(modes, rows);
    }

    /** Reads the zip; what is wrong with it goes to {@code problems}. */
    static OneRosterZip read(byte[] zip, List<Problem> problems) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            long inflated = 0;
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("^.*/", "");
                if (entry.isDirectory() || !name.endsWith(".csv")) {
                    continue;
                }
                byte[] content =
                        in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INFLATED_BYTES - inflated + 1));
                inflated += content.length;
                if (inflated > MAX_INFLATED_BYTES) {
                    problems.add(new Problem("(zip)", 0, "The files are larger than 512 MB once unzipped."));
                    return new OneRosterZip(Map.of(), Map.of());
                }
                entries.put(name, content);
            }
        } catch (IOException e) {
            problems.add(new Problem("(zip)", 0, "Not a zip file that can be read: " + e.getMessage()));
            return new OneRosterZip(Map.of(), Map.of());
        }
        if (entries.isEmpty()) {
            problems.add(new Problem("(zip)", 0, "Not a zip of OneRoster CSV files."));
            return new OneRosterZip(Map.of(), Map.of());
        }

        Map<String, Mode> modes = manifest(entries.get("manifest.csv"), problems);
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Mode> file : modes.entrySet()) {
            String name = file.getKey() + ".csv";
            byte[] content = entries.get(name);
            if (file.getValue() == Mode.ABSENT) {
                continue;
            }
            if (content == null) {
                problems.add(new Problem(
                        name,
                        0,
                        "The manifest names it (" + file.getValue().name().toLowerCase(Locale.ROOT)
                                + ") but the zip has no such file."));
                continue;
            }
            rows.put(file.getKey(), dataFile(name, content, file.getValue(), problems));
        }
        return new OneRosterZip(modes, rows);
    }

    private static Map<String, Mode> manifest(byte[] content, List<Problem> problems) {
        Map<String, Mode> modes = new LinkedHashMap<>();
        if (content == null) {
            problems.add(new Problem("manifest.csv", 0, "The zip has no manifest.csv."));
            return modes;
        }
        Map<String, String> properties = new HashMap<>();
        try (CSVParser csv = parser(content)) {
            for (CSVRecord record : csv) {
                if (!record.isSet("propertyName") || !record.isSet("value")) {
                    problems.add(new Problem("manifest.csv", line(record), "Expected the columns propertyName,value."));
                    return modes;
                }
                properties.put(
                        record.get("propertyName").strip(), record.get("value").strip());
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem("manifest.csv", 0, "Not a CSV file that can be read: " + e.getMessage()));
            return modes;
        }
        if (!"1.2".equals(properties.get("oneroster.version"))) {
            problems.add(new Problem(
                    "manifest.csv",
                    0,
                    "oneroster.version is \"" + properties.getOrDefault("oneroster.version", "") + "\"; this service"
                            + " reads OneRoster 1.2."));
        }
        for (String file : FILES.keySet()) {
            String value = properties.getOrDefault("file." + file, "absent").toLowerCase(Locale.ROOT);
            switch (value) {
                case "bulk" -> modes.put(file, Mode.BULK);
                case "delta" -> modes.put(file, Mode.DELTA);
                case "absent" -> modes.put(file, Mode.ABSENT);
                default ->
                    problems.add(new Problem(
                            "manifest.csv", 0, "file." + file + " is \"" + value + "\", not bulk, delta or absent."));
            }
        }
        if (!modes.isEmpty() && modes.values().stream().allMatch(mode -> mode == Mode.ABSENT)) {
            // a delta may name a single file (new enrollments, say); one that names none has nothing to import
            problems.add(new Problem("manifest.csv", 0, "The manifest names no file to import (all absent)."));
        }
        return modes;
    }

    private static List<Row> dataFile(String name, byte[] content, Mode mode, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser csv = parser(content)) {
            List<String> header = csv.getHeaderNames();
            List<String> missing = FILES.get(name.replace(".csv", "")).stream()
                    .filter(column -> !header.contains(column))
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(name, 1, "Missing the column(s) " + String.join(", ", missing) + "."));
                return rows;
            }
            for (CSVRecord record : csv) {
                Map<String, String> values = new HashMap<>();
                for (String column : header) {
                    if (record.isSet(column)) {
                        values.put(column, record.get(column));
                    }
                }
                Row row = new Row(name, line(record), values);
                String status = row.get("status");
                if (mode == Mode.BULK && !status.isEmpty()) {
                    problems.add(new Problem(name, row.line(), "status must be blank in a bulk file."));
                } else if (mode == Mode.DELTA
                        && !Set.of("active", "tobedeleted").contains(status)) {
                    problems.add(new Problem(
                            name,
                            row.line(),
                            "status must be active or tobedeleted in a delta file, not \"" + status + "\"."));
                }
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(name, 0, "Not a CSV file that can be read: " + e.getMessage()));
        }
        return rows;
    }

    private static CSVParser parser(byte[] content) throws IOException {
        Reader reader = new InputStreamReader(skipBom(content), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get()
                .parse(reader);
    }

    /** Spreadsheet programs write a byte order mark before the header. */
    private static InputStream skipBom(byte[] content) {
        int start = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        return new ByteArrayInputStream(content, start, content.length - start);
    }

    /** The line of the file a record starts on, the header being line 1. */
    private static long line(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }
}
