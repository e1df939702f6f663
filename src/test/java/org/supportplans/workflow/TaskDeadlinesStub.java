package org.supportplans.workflow;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the {@code taskDeadlines} bean the diagrams ask for task due dates: a due date per clock list. */
public class TaskDeadlinesStub {

    private final Map<String, Date> dueDates = new HashMap<>();

    TaskDeadlinesStub due(String clockKinds, Date at) {
        dueDates.put(clockKinds, at);
        return this;
    }

    public Date due(DelegateExecution execution, String clockKinds) {
        return dueDates.get(clockKinds);
    }
}
