package org.shirong.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The 工作交办 filed under a campaign (its code the business key: the start form's 所属活动, a meeting's decision), as its
 * 驾驶舱 and 通报 count them, read on Shirong's behalf: only the campaign's organisation's own work and, for a district's
 * campaign, its towns' parts of that work (called by one of the district's own instances under the campaign). Work of
 * any other organisation that carries the code is not the campaign's (diffreview-s57 R1).
 */
@Component
class CampaignWorkAssignments {

    /** One piece of work handled by {@code unitGroup}: due at {@code dueAt}, handed in at {@code doneAt} (null: not yet). */
    record Work(String unitGroup, String title, Instant dueAt, Instant doneAt) {
    }

    private static final String NAME_PREFIX = "^办理交办事项 · ";

    private final TaskService taskService;
    private final HistoryService historyService;
    private final Organizations organizations;
    private final SystemAccess systemAccess;

    CampaignWorkAssignments(TaskService taskService, HistoryService historyService, Organizations organizations,
            SystemAccess systemAccess) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.organizations = organizations;
        this.systemAccess = systemAccess;
    }

    /** The campaign's 办理交办事项 tasks open now, each with its unit's group. */
    Map<Task, String> open(Campaign c) {
        return systemAccess.run(() -> {
            List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(WorkAssignmentProcess.KEY)
                    .processInstanceBusinessKey(c.code()).taskDefinitionKey(WorkAssignmentProcess.TASK_HANDLE_ASSIGNMENT)
                    .tenantIdIn(tenants(c)).active().list();
            Set<String> filed = filedFor(c, tasks.stream().filter(t -> !c.tenantId().equals(t.getTenantId()))
                    .map(Task::getProcessInstanceId).collect(Collectors.toSet()));
            Map<Task, String> open = new LinkedHashMap<>();
            tasks.stream().filter(t -> c.tenantId().equals(t.getTenantId()) || filed.contains(t.getProcessInstanceId()))
                    .forEach(t -> open.put(t, String.valueOf(taskService.getVariable(t.getId(), WorkAssignmentProcess.VAR_UNIT_GROUP))));
            return open;
        });
    }

    /**
     * The campaign's work due before {@code until} (and {@code asOf}) and not before {@code from}, and the work due earlier
     * still not handed in at that end (carried over, as the 通报 and the scores count it every period until done), as it
     * stood at {@code asOf}: handed in when its unit's last 办理交办事项 begun by then was done, open while one was; work
     * withdrawn (its task deleted) is left out.
     */
    List<Work> dueIn(Campaign c, Instant from, Instant until, Instant asOf) {
        return systemAccess.run(() -> {
            Instant before = until.isBefore(asOf) ? until : asOf;
            List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
                    .processDefinitionKey(WorkAssignmentProcess.KEY).processInstanceBusinessKey(c.code())
                    .taskDefinitionKey(WorkAssignmentProcess.TASK_HANDLE_ASSIGNMENT).tenantIdIn(tenants(c))
                    .taskDueBefore(Date.from(before)).orderByHistoricActivityInstanceStartTime().asc().list().stream()
                    .filter(t -> (!t.getDueDate().toInstant().isBefore(from) || t.getEndTime() == null
                            || t.getEndTime().toInstant().isAfter(before)) && !t.getStartTime().toInstant().isAfter(asOf))
                    .filter(t -> t.getEndTime() == null || t.getEndTime().toInstant().isAfter(asOf)
                            || "completed".equals(t.getDeleteReason()))
                    .toList();
            Set<String> filed = filedFor(c, tasks.stream().filter(t -> !c.tenantId().equals(t.getTenantId()))
                    .map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet()));
            Map<String, List<HistoricTaskInstance>> byInstance = new LinkedHashMap<>();
            tasks.stream().filter(t -> c.tenantId().equals(t.getTenantId()) || filed.contains(t.getProcessInstanceId()))
                    .forEach(t -> byInstance.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t));
            Map<String, String> units = units(byInstance.keySet());
            List<Work> work = new ArrayList<>();
            byInstance.forEach((instance, rounds) -> {
                HistoricTaskInstance last = rounds.get(rounds.size() - 1);
                boolean open = rounds.stream().anyMatch(t -> t.getEndTime() == null || t.getEndTime().toInstant().isAfter(asOf));
                Instant doneAt = open ? null : rounds.stream().map(t -> t.getEndTime().toInstant()).max(Instant::compareTo).orElseThrow();
                work.add(new Work(units.get(instance), last.getName().replaceFirst(NAME_PREFIX, ""), last.getDueDate().toInstant(), doneAt));
            });
            return work;
        });
    }

    /** The organisations whose work may count: the campaign's own and, for a district, its towns and streets. */
    private String[] tenants(Campaign c) {
        return Stream.concat(Stream.of(c.tenantId()), organizations.within(c.tenantId()).stream().map(Organization::id))
                .toArray(String[]::new);
    }

    /** Of the towns' instances {@code townInstances}, those called by an instance of the campaign's organisation under it. */
    private Set<String> filedFor(Campaign c, Collection<String> townInstances) {
        if (townInstances.isEmpty()) {
            return Set.of();
        }
        Map<String, String> callers = new HashMap<>();
        historyService.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(townInstances)).list()
                .stream().filter(p -> p.getSuperProcessInstanceId() != null)
                .forEach(p -> callers.put(p.getId(), p.getSuperProcessInstanceId()));
        if (callers.isEmpty()) {
            return Set.of();
        }
        Set<String> own = historyService.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(callers.values()))
                .processDefinitionKey(WorkAssignmentProcess.KEY).processInstanceBusinessKey(c.code()).tenantIdIn(c.tenantId())
                .list().stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
        return callers.entrySet().stream().filter(e -> own.contains(e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private Map<String, String> units(Collection<String> instances) {
        Map<String, String> units = new HashMap<>();
        if (!instances.isEmpty()) {
            for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(instances.toArray(String[]::new)).variableName(WorkAssignmentProcess.VAR_UNIT_GROUP)
                    .disableCustomObjectDeserialization().list()) {
                units.put(v.getProcessInstanceId(), Objects.toString(v.getValue(), null));
            }
        }
        return units;
    }
}
