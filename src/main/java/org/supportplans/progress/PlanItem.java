package org.supportplans.progress;

import org.supportplans.system.NotFoundException;

/**
 * A goal or a service of a plan version, named in the API as {@code "<planId>.<n>"}: the n-th goal (line of the
 * annual goals) or service of that version. The version's content never changes, so the name stays true.
 */
record PlanItem(long planId, int number) {

    static PlanItem parse(String id, String what) {
        int dot = id == null ? -1 : id.indexOf('.');
        try {
            if (dot > 0) {
                long planId = Long.parseLong(id.substring(0, dot));
                int number = Integer.parseInt(id.substring(dot + 1));
                if (planId > 0 && number > 0) {
                    return new PlanItem(planId, number);
                }
            }
        } catch (NumberFormatException e) {
            // not one of ours: answered below as unknown
        }
        throw new NotFoundException("No " + what + " " + id + ".");
    }

    @Override
    public String toString() {
        return planId + "." + number;
    }
}
