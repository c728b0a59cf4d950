package org.shirong.campaign;

/** Where the shipped 九亭镇 templates are: in the project and on the class path. */
final class JiutingTemplates {

    static final String FOLDER = "config/organizations/jiuting/campaigns";
    static final String BUNDLED = "config/organizations/jiuting/campaigns/";

    private JiutingTemplates() {
    }
}
