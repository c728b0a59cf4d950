package org.shirong.report;

import java.util.List;

/**
 * The meetings a campaign convened to score a period, one of which issues its 通报: before it is out, whether they rank
 * the units tells the 驾驶舱 and the 考核得分 Excel whether the 通报 will name units for their scores
 * ({@link MeetingDocuments#unranked}). The meeting capability keeps them (its {@code meeting} table) and implements it.
 */
public interface PeriodMeetings {

    /**
     * The process instances of the campaign's meetings convened to score {@code periodCode} (the period they were convened
     * for, else the month before them), earliest meeting first.
     */
    List<String> convened(String campaignCode, String periodCode);
}
