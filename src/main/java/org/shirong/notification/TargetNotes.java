package org.shirong.notification;

import static org.shirong.system.ChineseDates.MINUTE;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseGlances;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * What the inbox says when a link leads to no task of its reader ({@link TaskTargets} found none), instead of a dead end
 * that calls every such task done (jtphone-s61 F2, F5): the task a notice named, when the reader's unit had it, done (when,
 * by whom) or cancelled, or now with someone else; a case the reader may read, with its status and its page; else that
 * there is nothing for the reader to do, not that it is done. A process the reader's units never had a task of is not
 * described, nor a case the reader may not read.
 */
@Component
class TargetNotes {

    /** The sentence to show and, for a case the reader may read, the case page's path (under Shirong's root). */
    record Note(String note, String casePage) {
    }

    private static final int MAX_TASKS = 50;

    private final HistoryService historyService;
    private final SystemAccess systemAccess;
    private final CaseGlances cases;
    private final Organizations organizations;
    private final ZoneId zone;

    TargetNotes(HistoryService historyService, SystemAccess systemAccess, CaseGlances cases, Organizations organizations,
            WorkingCalendar calendar) {
        this.historyService = historyService;
        this.systemAccess = systemAccess;
        this.cases = cases;
        this.organizations = organizations;
        this.zone = calendar.zone();
    }

    Note of(String about, Authentication reader) {
        // a case's 协办 runs under caseNo/unit
        String caseNo = about.contains("/") ? about.substring(0, about.indexOf('/')) : about;
        Optional<CaseGlances.Glance> glance = cases.of(caseNo, reader);
        if (glance.isPresent()) {
            return new Note("案件“" + glance.get().caseNo() + "”（" + glance.get().status() + "）目前没有需要您办理的任务，可打开案件页查看进展。",
                    "/shirong/cases/" + glance.get().caseNo());
        }
        return systemAccess.run(() -> ofProcess(about, reader)).orElse(nothingFor(about));
    }

    /** The reader's units' (or the reader's own) last task of the process instance {@code id}, told as it stands. */
    private Optional<Note> ofProcess(String id, Authentication reader) {
        HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        if (process == null) {
            return Optional.empty();
        }
        List<String> groups = reader.getGroupIds() == null ? List.of() : reader.getGroupIds();
        List<HistoricTaskInstance> theirs = new ArrayList<>(historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
                .taskInvolvedUser(reader.getUserId()).listPage(0, MAX_TASKS));
        // a user is in a handful of groups
        groups.forEach(group -> theirs.addAll(historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
                .taskHadCandidateGroup(group).listPage(0, MAX_TASKS)));
        Optional<HistoricTaskInstance> last = theirs.stream()
                .max(Comparator.comparing(HistoricTaskInstance::getStartTime, Comparator.nullsFirst(Comparator.naturalOrder())));
        // a process none of whose tasks was the reader's is answered as one that is not there (diffreview-s61 L6)
        return last.map(task -> new Note(sentence(task), null));
    }

    private static Note nothingFor(String about) {
        return new Note("“" + about + "”目前没有需要您办理的任务：它不由您所在的单位办理，或已经办结。", null);
    }

    private String sentence(HistoricTaskInstance task) {
        String name = "“" + task.getName() + "”";
        if (task.getEndTime() == null) {
            return name + "目前由" + who(task.getAssignee()) + "办理，不在您的待办中。";
        }
        String when = MINUTE.format(task.getEndTime().toInstant().atZone(zone));
        if (!Objects.equals(task.getDeleteReason(), "completed")) {
            return name + "已于 " + when + " 撤销，无需再办理。";
        }
        return name + "已由" + who(task.getAssignee()) + "于 " + when + " 办结，无需再办理。";
    }

    private String who(String userId) {
        return userId == null ? "本单位其他人员" : organizations.personName(userId);
    }
}
