package org.shirong.rectification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a case needs to know of the campaign it belongs to, asked by rectification and answered by the campaign
 * package, which knows the templates and the dates each campaign was started with.
 */
public interface CampaignPlans {

    /**
     * The campaign {@code campaignCode} of {@code organization} as it bears on a case of {@code category}; empty when
     * the organisation has no campaign with that code.
     */
    Optional<PlanFacts> plan(String organization, String campaignCode, String category);

    /** The campaign's name and organisation (to title its ledger); empty when there is no campaign with that code. */
    Optional<Campaign> campaign(String campaignCode);

    /**
     * Whether the town or street {@code organization} takes part in its district's campaign {@code campaignCode}: its
     * office is among the campaign's units. False for an unknown campaign and for the campaign's own organisation.
     */
    default boolean takesPart(String organization, String campaignCode) {
        return false;
    }

    record Campaign(String code, String name, String organization) {
    }

    /**
     * The code of {@code organization}'s own running campaign when it runs exactly one (锦溪镇's “931” 行动 is its whole
     * 环境综合整治): 上报问题 preselects it (jxreview s55 J8); empty when it runs none or several.
     */
    default Optional<String> onlyRunning(String organization) {
        List<Campaign> running = running(organization);
        return running.size() == 1 ? Optional.of(running.get(0).code()) : Optional.empty();
    }

    /**
     * {@code organization}'s own running campaigns, oldest first: what a 临时会议 may count for (jtreview-s56 T12). Empty
     * when it runs none.
     */
    default List<Campaign> running(String organization) {
        return List.of();
    }

    /**
     * The groups of the campaign's units (参加单位), as it was started with them: a town's office among them takes part in
     * its district's campaign. Empty for an unknown campaign.
     */
    java.util.Set<String> unitGroups(String campaignCode);

    /**
     * {@code running}: the campaign has not ended; {@code campaignEnd}: the end of its last phase's last day;
     * {@code planItem}: the category code of the template's plan item for the category (a 931 项目, a survey 大类), or
     * null; {@code itemFinishBy}: the end of the last day of the phase that item is to be finished by, or null;
     * {@code finishBySources}: the case sources that finish-by binds (the item's {@code sources}), empty for every source.
     */
    record PlanFacts(boolean running, Instant campaignEnd, String planItem, Instant itemFinishBy, Set<CaseSource> finishBySources) {

        public PlanFacts {
            finishBySources = finishBySources == null ? Set.of() : Set.copyOf(finishBySources);
        }

        /**
         * The plan item's finish-by as it binds a case of {@code source}: none when the item names other sources only
         * (松江区's 4月上旬 is for the survey report's point problems, not for what inspections or citizens find).
         */
        public Optional<Instant> itemFinishBy(CaseSource source) {
            return itemFinishBy == null || !(finishBySources.isEmpty() || finishBySources.contains(source))
                    ? Optional.empty() : Optional.of(itemFinishBy);
        }
    }
}
