package org.shirong.rectification;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History of the case processes ({@code RectificationProcess}, {@code CaseCooperationProcess}) kept to what someone
 * reads: Shirong's own tables ({@code rect_case_event}, photos, extensions) are the case's record, and Cockpit and
 * Tasklist show instances, activities, tasks, who did what (operation log), decisions, incidents and variables' last
 * values. With {@code shirong.rectification.case-history: AUDIT} these are left out for those two processes only
 * (every other process keeps the engine's FULL history); ACTIVITY (the default) also leaves out their variables'
 * history, whose values are copies of the case's own record; FULL leaves out nothing:
 * <ul>
 * <li>the variable update details ({@code ACT_HI_DETAIL}): every value a variable ever had, again;</li>
 * <li>history of variables with a binary value (photos, the dispatch table's JSON result), which the case's own photo
 * table holds or which is removed in the step that set it; it cost two byte arrays per value;</li>
 * <li>the DELETED mark on each historic variable when the instance ends (a select and an update per variable);</li>
 * <li>the creation and deletion log lines of the three deadline timers (their firing, failures and incidents stay);</li>
 * <li>the activity instances of exclusive gateways and of none start, end and intermediate events (11 of 整改案件's 19
 * rows in {@code ACT_HI_ACTINST} from report to closure): each begins and ends in the same moment and no one reads them
 * (neither Shirong nor Cockpit CE, whose views of an instance are of its runtime); the tasks, subprocess, boundary and
 * message events that say where a case went keep theirs.</li>
 * </ul>
 * For every process, an update of an instance, activity or task row that does not end it skips the engine's read of the
 * row's start time, which only an end needs (for the duration); so does an end of a row this node inserted, whose start
 * time it kept ({@link HistoricStartTimes}).
 * Whatever the level, no process keeps history of a File or Bytes variable (secreview-s57 S2): these are uploads (a
 * campaign task's attachments, a zone notice's 送达/上墙 photos) that Shirong checks by their bytes and keeps in its own
 * tables under the type it read; the engine's copy would keep the uploader's declared type and name, unchecked, for
 * everyone with READ_HISTORY to fetch ({@code /history/detail/{id}/data}). Neither Cockpit CE nor Tasklist (whose history
 * tab is the operation log) nor Shirong reads variable history.
 * Measured with {@code CaseStatementCountTest}. Writes through the engine's own {@link DbHistoryEventHandler}.
 */
@Component
class CaseHistoryPlugin extends AbstractProcessEnginePlugin {

    static final Set<String> CASE_PROCESSES = Set.of(RectificationProcess.KEY, CaseCooperationProcess.KEY);
    /** The serializers ({@code ValueType} names) of the variables no process keeps history of: uploads. */
    static final Set<String> UPLOADS = Set.of(ValueType.FILE.getName(), ValueType.BYTES.getName());
    /** The activity types whose instances the case processes' history leaves out (the engine's {@link ActivityTypes}). */
    static final Set<String> PASSED_THROUGH = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.START_EVENT,
            ActivityTypes.END_EVENT_NONE, ActivityTypes.INTERMEDIATE_EVENT_NONE_THROW);

    /** How much engine history the case processes keep ({@code shirong.rectification.case-history}). */
    enum CaseHistory {
        /** The engine's FULL history, as every other process. */
        FULL,
        /** FULL without what the class comment lists. */
        AUDIT,
        /** AUDIT without any variable history: the case's own tables are its record. */
        ACTIVITY
    }

    private final CaseHistory level;

    CaseHistoryPlugin(@Value("${shirong.rectification.case-history:ACTIVITY}") CaseHistory level) {
        this.level = level;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new CaseHistoryEventHandler(level));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /**
     * The handler drops those events, but the engine builds each one first, and building a job's log line reads its job
     * definition and looks for a batch by the definition's configuration (a select each, never cached when none is found).
     * Asking the history level lets the engine skip building what would be dropped (issue 13: statements per case).
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryLevel(new CaseHistoryLevel(configuration.getHistoryLevel(), level));
    }

    /**
     * The configured history level (same id, name and equality: the engine asks {@code level.equals(HISTORY_LEVEL_FULL)}),
     * saying "not produced" for what the handler leaves out anyway.
     */
    record CaseHistoryLevel(HistoryLevel delegate, CaseHistory level) implements HistoryLevel {

        @Override
        public boolean equals(Object other) {
            return other == this || delegate.equals(other);
        }

        @Override
        public int hashCode() {
            return delegate.hashCode();
        }

        @Override
        public int getId() {
            return delegate.getId();
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (entity instanceof VariableInstanceEntity variable && UPLOADS.contains(variable.getSerializerName())) {
                return false;
            }
            if (level == CaseHistory.FULL) {
                return delegate.isHistoryEventProduced(eventType, entity);
            }
            if (entity instanceof ExecutionEntity execution && (eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START
                    || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END) && isPassedThrough(execution.getActivity())
                    && ofCaseProcess(execution.getProcessDefinitionId())) {
                return false;
            }
            if (entity instanceof JobEntity job && (eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_DELETE)
                    && ofCaseProcessKey(job.getProcessDefinitionKey())) {
                return false;
            }
            if (level == CaseHistory.ACTIVITY && entity instanceof VariableInstanceEntity variable
                    && ofCaseProcess(variable.getProcessDefinitionId())
                    && (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                    || eventType == HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
                return false;
            }
            return delegate.isHistoryEventProduced(eventType, entity);
        }

        /** An exclusive gateway or a none event: a step a case passes through without waiting or doing anything. */
        static boolean isPassedThrough(ActivityImpl activity) {
            return activity != null && PASSED_THROUGH.contains(activity.getProperties().get(BpmnProperties.TYPE));
        }

        /** Definition ids are "key:version:id" (the engine's default id generator keeps the key). */
        private static boolean ofCaseProcess(String processDefinitionId) {
            if (processDefinitionId == null) {
                return false;
            }
            int colon = processDefinitionId.indexOf(':');
            return colon > 0 && CASE_PROCESSES.contains(processDefinitionId.substring(0, colon));
        }

        /** A job of no process (the history cleanup's, a batch's) has no key, which {@code Set.of(…).contains} rejects. */
        private static boolean ofCaseProcessKey(String processDefinitionKey) {
            return processDefinitionKey != null && CASE_PROCESSES.contains(processDefinitionKey);
        }
    }

    /**
     * The engine's database history writer, which passes over uploads of every process and what the class comment lists
     * for the case processes.
     */
    static class CaseHistoryEventHandler extends DbHistoryEventHandler {

        private final CaseHistory level;
        private final boolean noVariables;
        private final HistoricStartTimes startTimes = new HistoricStartTimes(HistoricStartTimes.DEFAULT_CAPACITY);

        CaseHistoryEventHandler(CaseHistory level) {
            this.level = level;
            this.noVariables = level == CaseHistory.ACTIVITY;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!leftOut(event)) {
                super.handleEvent(event);
            }
        }

        /**
         * An update of an activity, task or process instance row that does not end it (a task claimed, assigned or
         * renamed) is merged without first reading the row's start time: the engine reads it only to compute a duration,
         * and the update statements of these rows write neither start time nor duration unless the event has an end time.
         * An end is merged without the read when this node wrote the row's start ({@link HistoricStartTimes}): the start
         * time of a row never changes, so the one kept is the one the engine would read (issue 13: some 9 selects a case).
         */
        @Override
        protected void insertOrUpdate(HistoryEvent event) {
            if (!(event instanceof HistoricScopeInstanceEvent scope) || !startTimeNotWritten(event) || event.getId() == null) {
                super.insertOrUpdate(event);
                return;
            }
            if (isInitialEvent(event)) {
                startTimes.started(scope);
                super.insertOrUpdate(event);
                return;
            }
            Date startTime = scope.getEndTime() == null ? null : startTimes.ended(scope);
            if (getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) == null
                    && (scope.getEndTime() == null || startTime != null)) {
                scope.setStartTime(startTime);
                getDbEntityManager().merge(event);
                return;
            }
            super.insertOrUpdate(event);
        }

        private static boolean startTimeNotWritten(HistoryEvent event) {
            return event instanceof HistoricActivityInstanceEventEntity || event instanceof HistoricTaskInstanceEventEntity
                    || event instanceof HistoricProcessInstanceEventEntity;
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return (level == CaseHistory.FULL || !ofCaseProcess(event)) && super.shouldWriteHistoricDetail(event);
        }

        boolean leftOut(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable && UPLOADS.contains(variable.getSerializerName())) {
                return true;
            }
            if (level == CaseHistory.FULL || !ofCaseProcess(event)) {
                return false;
            }
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return noVariables || variable.getByteValue() != null || variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE);
            }
            if (event instanceof HistoricJobLogEventEntity job) {
                return job.getState() == JobState.CREATED.getStateCode() || job.getState() == JobState.DELETED.getStateCode();
            }
            return false;
        }

        private static boolean ofCaseProcess(HistoryEvent event) {
            return event.getProcessDefinitionKey() != null && CASE_PROCESSES.contains(event.getProcessDefinitionKey());
        }
    }
}
