package org.shirong.system;

import java.util.List;

/**
 * The organisations (Camunda tenants) the processes are deployed into, each with the files only it has (its dispatch
 * table) and the checks of those files against its own groups.
 */
public interface TenantResources {

    List<Tenant> tenants();

    /**
     * @param files   the organisation's own process files: deployed under {@code name}, replacing a shared file of that name
     * @param checker problems (file: rule: what is wrong) in a resource about to be deployed for this organisation
     */
    record Tenant(String id, String name, List<OwnFile> files, Checker checker) {
    }

    /** A file an organisation has for itself, deployed as {@code name} (e.g. {@code processes/CaseDispatch.dmn}). */
    record OwnFile(String name, String origin, byte[] content) {
    }

    @FunctionalInterface
    interface Checker {
        List<String> check(String name, String origin, byte[] content);
    }

    /**
     * A check, by the capability that reads a resource at runtime (e.g. the dispatch table's outputs), of a resource about to
     * be deployed for an organisation: problems as "file: rule: what is wrong", empty when none. Runs before anything is
     * deployed, like {@link Checker}.
     */
    @FunctionalInterface
    interface ResourceCheck {
        List<String> check(String tenant, String name, String origin, byte[] content);
    }
}
