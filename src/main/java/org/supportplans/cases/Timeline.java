package org.supportplans.cases;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes the milestones of a case's timeline ({@code GET /api/cases/{id}/timeline}). */
@Component
class Timeline {

    private final CaseEventRepository events;
    private final DistrictDay days;
    private final ApplicationEventPublisher publisher;

    Timeline(CaseEventRepository events, DistrictDay days, ApplicationEventPublisher publisher) {
        this.events = events;
        this.days = days;
        this.publisher = publisher;
    }

    void record(SupportCase supportCase, java.time.LocalDate on, CaseEventKind kind, String what, String actor) {
        events.save(new CaseEvent(supportCase.getId(), on, days.now(), kind, what, actor));
        publisher.publishEvent(new CaseMilestone(supportCase.getId(), kind, on, actor));
    }

    static String labels(List<NoticeKind> kinds) {
        return kinds.stream().map(NoticeKind::label).collect(Collectors.joining("; "));
    }
}
