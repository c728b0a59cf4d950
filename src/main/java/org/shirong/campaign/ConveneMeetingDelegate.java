package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 召开会议 ({@code Task_ConveneMeeting}): placeholder until the meeting package lands. */
@Component
class ConveneMeetingDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        throw new UnsupportedOperationException("meeting package not merged yet");
    }
}
