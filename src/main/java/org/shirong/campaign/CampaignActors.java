package org.shirong.campaign;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the engine right now: the logged-in user, or "system" for jobs and timers. */
final class CampaignActors {

    static final String SYSTEM = "system";

    private CampaignActors() {
    }

    static String current() {
        var context = Context.getCommandContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
