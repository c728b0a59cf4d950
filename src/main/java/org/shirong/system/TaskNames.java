package org.shirong.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Names a task after what it is about, so that a list of them tells them apart: 召开会议并记录 · 11月第二次工作例会,
 * 办理交办事项 · 清理沪亭北路乱张贴. The diagram keeps the short name (for Modeler and Cockpit); a task listener adds the
 * subject: {@code <camunda:taskListener event="create" expression="${taskNames.after(task, 'meetingName')}" />}.
 */
@Component("taskNames")
@ProcessExpressionBean
public class TaskNames {

    static final String SEPARATOR = " · ";
    /** Tasklist shows about this much of a name in its list; the whole subject is in the form. */
    static final int SUBJECT_LENGTH = 40;
    /** ACT_RU_TASK.NAME_ */
    private static final int NAME_LENGTH = 255;

    /** Adds the process variable {@code variable} to the task's name; a task whose process has none keeps its name. */
    public void after(DelegateTask task, String variable) {
        Object subject = variablesOf(task).getVariable(variable);
        if (subject == null || subject.toString().isBlank()) {
            return;
        }
        String text = subject.toString().strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) > SUBJECT_LENGTH) {
            text = text.substring(0, text.offsetByCodePoints(0, SUBJECT_LENGTH - 1)) + "…";
        }
        String name = task.getName() + SEPARATOR + text;
        task.setName(name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name);
    }

    /**
     * Where a task listener reads its process's variables: the task's execution, whose instance has them loaded already.
     * Asking the task itself would first read the new task's own (always empty) variables, one more statement for every
     * task created.
     */
    public static VariableScope variablesOf(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        return execution != null ? execution : task;
    }
}
