package org.shirong.zone;

import static org.shirong.zone.ZoneEnforcementProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.rectification.EvidencePhotos;
import org.springframework.stereotype.Component;

/**
 * End of 复查整改情况 (Task_RecheckZone): the inspector's answer ({@code complied} yes/no, required), a note, and a photo
 * of the site, required when the zone is still not in order. Writes a RECHECK inspection with the photo into the file
 * and removes the photo's variables. An execution listener, so that a refusal reaches Tasklist as the form's message.
 */
@Component("zoneRecheckListener")
class ZoneRecheckListener implements ExecutionListener {

    private final ZoneInspections inspections;
    private final ZoneLadder ladder;
    private final ZoneFiles files;
    private final EvidencePhotos photos;
    private final IdentityService identityService;

    ZoneRecheckListener(ZoneInspections inspections, ZoneLadder ladder, ZoneFiles files, EvidencePhotos photos,
            IdentityService identityService) {
        this.inspections = inspections;
        this.ladder = ladder;
        this.files = files;
        this.photos = photos;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object answer = execution.getVariable(VAR_COMPLIED);
        if (!YES.equals(answer) && !NO.equals(answer)) {
            throw ZoneFormInput.refused(VAR_COMPLIED, "请选择复查结论：已整改或未整改");
        }
        boolean complied = YES.equals(answer);
        String note = ZoneFormInput.optional(execution, VAR_RECHECK_NOTE, "复查说明", ZoneInspections.MAX_NOTE);
        var photo = photos.take(execution, VAR_RECHECK_PHOTO, "复查照片");
        if (!complied && photo.isEmpty()) {
            throw ZoneFormInput.refused(VAR_RECHECK_PHOTO, "未整改时须拍摄复查现场照片");
        }
        Authentication user = identityService.getCurrentAuthentication();
        String actor = user == null ? null : user.getUserId();
        ZoneLadder.Breach breach = ladder.breach(ZoneFormInput.breachId(execution));
        Long photoId = photo.map(p -> files.addPhoto(breach.zoneId(), ZonePhotoKind.RECHECK,
                new ZonePhoto(p.fileName(), p.content(), p.takenAt(), p.latitude(), p.longitude()), actor))
                .orElse(null);
        inspections.recheck(breach, ZoneFormInput.level(execution), actor, complied, note, photoId);
        photos.remove(execution, VAR_RECHECK_PHOTO);
    }
}
