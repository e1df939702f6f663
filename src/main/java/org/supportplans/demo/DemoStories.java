package org.supportplans.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo cases as stories ({@code demo/stories.json}): each story is a path through the case's steps (who does
 * which task, with which answers, how many days after the referral), told for several students whose referrals
 * came in that many days ago. A story's steps that would fall after today are not taken yet, so one story puts
 * cases at every phase of its path.
 *
 * @param students the demo students' first and last names, given out in order
 * @param stories the paths
 */
record DemoStories(List<List<String>> students, List<Story> stories) {

    static final String RESOURCE = "demo/stories.json";

    /**
     * One path.
     *
     * @param id a name for the logs and the tests
     * @param referredDaysAgo one case per entry: how many days before today its referral came in
     * @param ageYears the student's age at the referral
     * @param referral the referral's fields other than the student, the school and the day it came in (the body of
     *     {@code POST /api/referrals})
     * @param steps the tasks done, in order
     */
    record Story(
            String id, List<Integer> referredDaysAgo, int ageYears, Map<String, Object> referral, List<Step> steps) {}

    /**
     * A task done by the demo user of a role.
     *
     * @param day days after the referral
     * @param as the user (a role's demo user, whose id is the role)
     * @param task the user task's id in the BPMN
     * @param values the form's values; a string {@code {day}}, {@code {day+N}} or {@code {day-N}} is the date of
     *     the step, N days later or earlier
     */
    record Step(int day, String as, String task, Map<String, Object> values) {

        /** The values with the dates of a step taken on {@code on}. */
        Map<String, Object> valuesOn(LocalDate on) {
            Map<String, Object> dated = new LinkedHashMap<>();
            values.forEach((name, value) -> dated.put(name, dated(value, on)));
            return dated;
        }
    }

    private static final Pattern DAY = Pattern.compile("\\{day(?:([+-])(\\d+))?}");

    static Object dated(Object value, LocalDate on) {
        if (value instanceof String text) {
            Matcher day = DAY.matcher(text);
            if (day.matches()) {
                long offset = day.group(2) == null ? 0 : Long.parseLong(day.group(2));
                return on.plusDays("-".equals(day.group(1)) ? -offset : offset).toString();
            }
            return text;
        }
        if (value instanceof List<?> list) {
            List<Object> dated = new ArrayList<>();
            list.forEach(item -> dated.add(dated(item, on)));
            return dated;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> dated = new LinkedHashMap<>();
            map.forEach((name, item) -> dated.put((String) name, dated(item, on)));
            return dated;
        }
        return value;
    }

    static DemoStories load(ObjectMapper json) {
        try (InputStream in = DemoStories.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the class path");
            }
            return json.readValue(in, DemoStories.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int cases() {
        return stories.stream()
                .mapToInt(story -> story.referredDaysAgo().size())
                .sum();
    }
}
