package org.shirong.rectification;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.shirong.organization.Organizations;
import org.shirong.system.PageHeaderLink;
import org.springframework.context.annotation.Configuration;

/**
 * The link to the case list ({@code /shirong/cases}) in the header of Shirong's pages ({@code caseListLink}: its label, ""
 * when not offered) and of Tasklist ({@code GET /api/cases/list-link}, case-list-link.js): 辖区案件 for a village's or
 * community's staff, whose page lists their area's cases, 案件列表 for everyone else. The page itself lets in anyone
 * logged in and lists what {@link CaseVisibility} lets them read; only a caller of no organisation (not an
 * administrator) reads nothing there but his own reports and is not led to it.
 */
@Configuration(proxyBeanMethods = false)
class CaseListLink extends PageHeaderLink {

    static final String AREA = "辖区案件";
    static final String ALL = "案件列表";

    private final CaseVisibility visibility;
    private final Organizations organizations;

    CaseListLink(ProcessEngine engine, CaseVisibility visibility, Organizations organizations) {
        super("caseListLink", engine);
        this.visibility = visibility;
        this.organizations = organizations;
    }

    /** The villages and communities the user belongs to in his own organisation, by name, as the page's heading names them. */
    List<String> areas(Authentication user) {
        return organizations.homeOf(user.getUserId()).map(o -> visibility.communitiesOf(user, o.id())).orElse(List.of());
    }

    /** The link's label for {@code user}, null when the link is not offered. */
    String label(Authentication user) {
        if (user == null) {
            return null;
        }
        boolean administrator = user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        if (!administrator && (user.getTenantIds() == null || user.getTenantIds().isEmpty())) {
            return null;
        }
        return areas(user).isEmpty() ? ALL : AREA;
    }

    @Override
    protected boolean offered(UserAuthentication sessionUser) {
        return label(caller(sessionUser)) != null;
    }

    @Override
    protected Object modelValue(UserAuthentication sessionUser) {
        String label = label(caller(sessionUser));
        return label == null ? "" : label;
    }
}
