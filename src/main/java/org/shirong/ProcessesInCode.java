package org.shirong;

import java.util.List;
import org.shirong.campaign.CampaignProcess;
import org.shirong.campaign.CampaignTaskProcess;
import org.shirong.campaign.WorkAssignmentProcess;
import org.shirong.meeting.AdHocMeetingProcess;
import org.shirong.meeting.JointMeetingProcess;
import org.shirong.notification.NotificationDeliveryProcess;
import org.shirong.rectification.CaseAppealProcess;
import org.shirong.rectification.CaseCooperationProcess;
import org.shirong.rectification.RectificationProcess;
import org.shirong.system.ReliedElements;
import org.shirong.zone.ZoneEnforcementProcess;
import org.shirong.zone.ZoneNoticeProcess;
import org.springframework.stereotype.Component;

/** Every process whose elements the code finds by id: start-up checks the diagrams still have them. */
@Component
class ProcessesInCode implements ReliedElements {

    @Override
    public List<Class<?>> processClasses() {
        return List.of(RectificationProcess.class, CaseCooperationProcess.class, CaseAppealProcess.class,
                CampaignProcess.class, CampaignTaskProcess.class, WorkAssignmentProcess.class,
                JointMeetingProcess.class, AdHocMeetingProcess.class, ZoneNoticeProcess.class, ZoneEnforcementProcess.class,
                NotificationDeliveryProcess.class);
    }
}
