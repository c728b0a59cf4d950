package org.shirong.campaign;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shirong.organization.Organizations;
import org.shirong.report.TaskResultFiles;
import org.springframework.stereotype.Component;

/** The campaign's task results and their files for its 迎检 archive, as {@code taskResults} of the overview lists them. */
@Component
class ArchivedTaskResults implements TaskResultFiles {

    private final CampaignRecords records;
    private final AttachmentRecords attachments;
    private final Organizations organizations;

    ArchivedTaskResults(CampaignRecords records, AttachmentRecords attachments, Organizations organizations) {
        this.records = records;
        this.attachments = attachments;
        this.organizations = organizations;
    }

    @Override
    public List<TaskResult> of(String campaignCode) {
        Map<Long, List<File>> files = attachments.ofCampaign(campaignCode).stream().collect(Collectors.groupingBy(
                AttachmentRecords.Attachment::taskId, Collectors.mapping(a -> new File(a.id(), a.fileName(), a.sizeBytes()),
                        Collectors.toList())));
        String tenant = records.find(campaignCode).map(CampaignRecords.Campaign::tenantId).orElse(null);
        return records.tasks(campaignCode).stream().filter(t -> CampaignRecords.DONE.equals(t.status()) || files.containsKey(t.id()))
                .map(t -> new TaskResult(t.id(), t.name(), t.groupId(), organizations.unitName(t.groupId(), tenant), t.result(),
                        t.completedBy() == null ? null : organizations.personName(t.completedBy()), t.completedAt(),
                        files.getOrDefault(t.id(), List.of())))
                .toList();
    }

    @Override
    public Optional<byte[]> content(String campaignCode, long fileId) {
        return attachments.content(campaignCode, fileId);
    }
}
