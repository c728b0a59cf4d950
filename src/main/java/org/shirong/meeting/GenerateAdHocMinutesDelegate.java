package org.shirong.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 生成会议纪要 of a 临时会议 ({@code Task_GenerateAdHocMinutes}, {@code ${generateAdHocMinutesDelegate}}): see {@link AdHocMeetingPapers}. */
@Component
class GenerateAdHocMinutesDelegate implements JavaDelegate {

    private final AdHocMeetingPapers papers;

    GenerateAdHocMinutesDelegate(AdHocMeetingPapers papers) {
        this.papers = papers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        papers.minutes(execution);
    }
}
