package org.shirong.meeting;

import static org.shirong.meeting.JointMeetingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 印发通报 ({@code Task_IssueNotice}, {@code ${issueNoticeDelegate}}): stores the 通报 of the period's
 * named units and sets {@code noticeUrl}, {@code noticeTitle} and {@code noticeDetail} for 发送通报.
 */
@Component
class IssueNoticeDelegate implements JavaDelegate {

    private final MeetingPapers papers;

    IssueNoticeDelegate(MeetingPapers papers) {
        this.papers = papers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingFacts meeting = MeetingFacts.of(execution);
        Object unranked = execution.getVariable(VAR_UNRANKED);
        var notice = papers.notice(meeting, execution.getProcessInstanceId(), unranked == null ? null : unranked.toString());
        execution.setVariable(VAR_NOTICE_URL, notice.url());
        execution.setVariable(VAR_NOTICE_TITLE, notice.title());
        execution.setVariable(VAR_NOTICE_DETAIL, papers.noticeSummary(meeting, unranked != null));
    }
}
