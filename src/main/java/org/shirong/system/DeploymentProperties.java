package org.shirong.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Folders, relative to where Shirong is started, whose files are deployed in addition to (and in
 * place of same-named) files bundled in the application.
 */
@ConfigurationProperties("shirong.deployment")
record DeploymentProperties(String processesDir, String formsDir) {
}
