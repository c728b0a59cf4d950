package org.shirong.campaign;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.organization.CallerOrganization;
import org.shirong.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who reads a campaign, by {@link CallerOrganization#campaignReader} (the rule the documents, dossiers and 驾驶舱 ask too):
 * the members of its organisation, the district groups that oversee it and an administrator read all of it; a town or
 * street taking part in its district's campaign (its office is one of the campaign's units) reads it through its office,
 * narrowed to its own tasks. Within it, the results and files of its tasks are every unit's only for those who see all
 * units; a unit's staff see their own units' ({@link CallerOrganization#campaignTasksShown}, as in the 迎检档案). To anyone
 * else the campaign does not exist (404).
 */
@Component
class CampaignAccess {

    /**
     * A campaign the caller may read; {@code ownGroup} is set for a participating town, whose own tasks are those of that
     * group; {@code tasksShown} whose tasks' results and files the caller sees ({@link CallerOrganization#campaignTasksShown}).
     */
    record Readable(Campaign campaign, String ownGroup, Predicate<String> tasksShown) {

        boolean whole() {
            return ownGroup == null;
        }

        /** Whether the caller sees the results and files of the campaign's tasks issued to {@code groupId}. */
        boolean shows(String groupId) {
            return groupId != null && tasksShown.test(groupId);
        }
    }

    private final CampaignRecords records;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;

    CampaignAccess(CampaignRecords records, CallerOrganization callerOrganization, IdentityService identityService) {
        this.records = records;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
    }

    Readable readable(String code) {
        return records.find(code).flatMap(this::readable)
                .orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
    }

    Optional<Readable> readable(Campaign campaign) {
        var caller = identityService.getCurrentAuthentication();
        return callerOrganization.campaignReader(caller, campaign.tenantId(),
                () -> records.units(campaign.code()).stream().map(CampaignRecords.UnitRow::groupId).filter(Objects::nonNull).toList())
                .map(reader -> new Readable(campaign, reader.office(),
                        callerOrganization.campaignTasksShown(caller, campaign.tenantId(), reader)));
    }
}
