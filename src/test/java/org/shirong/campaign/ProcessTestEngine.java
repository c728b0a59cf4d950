package org.shirong.campaign;

/**
 * The engine-only process tests' configuration. It must not be called camunda.cfg.xml: Camunda's
 * default-engine lookup (used by the REST API) would build a second, empty engine from it.
 */
final class ProcessTestEngine {

    static final String CONFIGURATION = "process-test.cfg.xml";

    private ProcessTestEngine() {
    }
}
