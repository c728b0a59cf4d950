package org.shirong.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 生成会议通知 of a 临时会议 ({@code Task_GenerateAdHocAgenda}, {@code ${generateAdHocAgendaDelegate}}): see {@link AdHocMeetingPapers}. */
@Component
class GenerateAdHocAgendaDelegate implements JavaDelegate {

    private final AdHocMeetingPapers papers;

    GenerateAdHocAgendaDelegate(AdHocMeetingPapers papers) {
        this.papers = papers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        papers.agenda(execution);
    }
}
