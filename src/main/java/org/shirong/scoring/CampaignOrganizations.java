package org.shirong.scoring;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Which organisation a campaign belongs to, for scores asked for a campaign ({@code ?campaign=}): a campaign of
 * another organisation, or none, is not found. The campaign capability implements it.
 */
public interface CampaignOrganizations {

    Optional<String> organizationOf(String campaignCode);

    /** The campaign's name as it was started (锦溪镇环境综合整治行动（2027年度）), for titles; empty for an unknown campaign. */
    Optional<String> nameOf(String campaignCode);

    /**
     * The groups of the campaign's participating units (参加单位), as the campaign was started with them; a group's member
     * units (its {@code parent} is the group, as 第一居委会 of 各居委会) take part through it. Empty for an unknown campaign.
     */
    Set<String> participantGroups(String campaignCode);

    /**
     * Whether the campaign's organisation published the period's ranking in its 通报: from then on the ranking is open to
     * the towns and streets taking part in its campaign.
     */
    boolean rankingPublished(String campaignCode, String period);

    /**
     * The campaign's name and days: from the first day of its first phase (or the day it was started, if earlier) to the last
     * day of its last phase ({@code last} null while it has no phases); empty for an unknown campaign.
     */
    Optional<CampaignDays> days(String campaignCode);

    /**
     * A campaign's name, first and last day (the last may be null), and whether its template scores by quarter or by year
     * (a cycle of it, 季检查 or 年考核, has such a {@code score-period}) besides the months.
     */
    record CampaignDays(String name, LocalDate first, LocalDate last, boolean quarterly, boolean yearly) {

        public CampaignDays(String name, LocalDate first, LocalDate last) {
            this(name, first, last, false, false);
        }
    }
}
