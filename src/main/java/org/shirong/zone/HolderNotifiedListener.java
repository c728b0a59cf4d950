package org.shirong.zone;

import static org.shirong.zone.ZoneEnforcementProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * End of 告知责任人限期整改 (Task_NotifyHolder): the owner group says whom it told ({@code advisedPerson}, required) and
 * how ({@code adviceNote}); both go onto the step. An execution listener, so that a refusal reaches Tasklist as the
 * form's message.
 */
@Component("holderNotifiedListener")
class HolderNotifiedListener implements ExecutionListener {

    static final int MAX_PERSON = 100;

    private final ZoneLadder ladder;
    private final IdentityService identityService;

    HolderNotifiedListener(ZoneLadder ladder, IdentityService identityService) {
        this.ladder = ladder;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String person = ZoneFormInput.required(execution, VAR_ADVISED_PERSON, "被告知人", MAX_PERSON);
        String note = ZoneFormInput.optional(execution, VAR_ADVICE_NOTE, "告知情况", ZoneInspections.MAX_NOTE);
        Authentication user = identityService.getCurrentAuthentication();
        ladder.notified(ZoneFormInput.breachId(execution), ZoneFormInput.level(execution), user == null ? null : user.getUserId(),
                person, note);
    }
}
