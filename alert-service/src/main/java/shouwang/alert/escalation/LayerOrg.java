package shouwang.alert.escalation;

import java.util.List;

import shouwang.alert.org.Person;

/**
 * A layer asked to visit at the current level ({@code MustVisitRequired.layers}): its org, the org's name when an org
 * record is held, and who must act for it at this level (the first one is the task's assignee in visit-service).
 */
public record LayerOrg(String layer, String orgCode, String orgName, List<Person> people) {
}
