package org.shirong.report;

import org.shirong.scoring.NoticeOthers;
import org.springframework.stereotype.Component;

/**
 * The scores' view ({@link NoticeOthers}) of what a campaign's 通报 names besides its ranking, read where the 通报, its
 * agenda and the 驾驶舱 read it ({@link MeetingDocuments#othersNamed}): the 考核得分 Excel says 是 for the same units, for
 * the same reasons.
 */
@Component
class NoticeOthersNamed implements NoticeOthers {

    private final MeetingDocuments documents;

    NoticeOthersNamed(MeetingDocuments documents) {
        this.documents = documents;
    }

    @Override
    public java.util.Optional<String> unranked(String campaignCode, String periodCode) {
        return documents.unranked(campaignCode, periodCode);
    }

    @Override
    public Others of(String campaignCode, String periodCode, boolean provisional) {
        if (provisional) {
            return Others.NONE;
        }
        OthersNamed named = documents.othersNamed(campaignCode, periodCode, false);
        return new Others(named.lateTasks().stream()
                .map(t -> new LateTask(t.groupId(), t.unitName(), t.task(), t.due(), t.state())).toList(),
                named.meetingNamed().stream().map(d -> new Decided(d.groupId(), d.unitName(), d.reason(), d.decidedBy())).toList(),
                named.reasons(), documents.unranked(campaignCode, periodCode).orElse(null),
                documents.issued(campaignCode, periodCode).map(StoredDocument::createdAt).orElse(null));
    }
}
