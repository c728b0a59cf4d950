package org.shirong.system;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The checks of every organisation's process, form and dispatch-table files before anything is deployed: what
 * {@link ProcessResourceDeployer} runs at start-up and {@link CheckOnly} runs without starting Shirong. Every problem
 * of every file and organisation comes in one list, each naming the file (as the owner knows it: {@code processes/…},
 * {@code forms/…}, {@code config/organizations/<组织>/…}) and the element, rule or line.
 */
@Component
class ProcessResourceChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceChecks.class);

    private final ProcessResourceCollector collector;
    private final List<FormSelectOptions> formOptions;
    private final TenantResources tenants;
    private final Map<String, List<String>> reliedIds;
    private final List<TenantResources.ResourceCheck> resourceChecks;
    private final ChoiceGatewayCheck choiceGateways = new ChoiceGatewayCheck();
    private final ExpressionCheck expressions;

    /** The files each organisation deploys (organisation id → files), its name, and the problems found in them. */
    record Checked(Map<String, List<ProcessResource>> byTenant, Map<String, String> names, List<String> problems,
            List<String> warnings) {
    }

    ProcessResourceChecks(ProcessResourceCollector collector, ObjectProvider<FormSelectOptions> formOptions,
            TenantResources tenants, ObjectProvider<ReliedElements> relied, ObjectProvider<TenantResources.ResourceCheck> resourceChecks,
            ExpressionCheck expressions) {
        this.expressions = expressions;
        this.collector = collector;
        this.formOptions = formOptions.orderedStream().toList();
        this.tenants = tenants;
        this.reliedIds = ReliedElements.idsByProcess(relied.orderedStream().flatMap(r -> r.processClasses().stream()).toList());
        this.resourceChecks = resourceChecks.orderedStream().toList();
    }

    /**
     * Checks every organisation's files; {@code historyTimeToLiveRequired}: the engine refuses a process or decision
     * without one.
     * Problems are distinct (the organisations share most files).
     */
    Checked check(boolean historyTimeToLiveRequired) {
        ProcessResourceValidator validator = new ProcessResourceValidator(historyTimeToLiveRequired);
        List<String> problems = new ArrayList<>();
        List<ProcessResource> shared = collector.collect();
        Map<String, List<ProcessResource>> byTenant = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> replaced = new TreeMap<>();
        Map<ByteBuffer, String> decisionsChecked = new HashMap<>();
        Map<List<Object>, DiagramRules.Findings> bpmnChecked = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<ByteBuffer, String> formIds = new HashMap<>();
        // most organisations deploy the same diagrams and forms (their forms' options alike): checked once for them
        Map<List<Object>, List<String>> diagramsChecked = new HashMap<>();
        Map<List<Object>, List<String>> expressionsChecked = new HashMap<>();
        for (TenantResources.Tenant tenant : tenants.tenants()) {
            names.put(tenant.id(), tenant.name());
            List<ProcessResource> own = new ArrayList<>(shared);
            for (TenantResources.OwnFile file : tenant.files()) {
                shared.stream().filter(r -> r.name().equals(file.name())).forEach(r -> replaced.put(r.origin(), file.name()));
                own.removeIf(r -> r.name().equals(file.name()));
                own.add(new ProcessResource(file.name(), file.origin(), file.content()));
            }
            // first, so that all files' XML problems come at once, with line; the checks below skip a file that does not read
            problems.addAll(BpmnFileCheck.check(own, bpmnChecked, historyTimeToLiveRequired, warnings));
            own = FormOptionFiller.fill(own, formOptions, tenant.id(), problems);
            for (ProcessResource r : own) {
                problems.addAll(tenant.checker().check(r.name(), r.origin(), r.content()));
                for (TenantResources.ResourceCheck check : resourceChecks) {
                    problems.addAll(check.check(tenant.id(), r.name(), r.origin(), r.content()));
                }
            }
            problems.addAll(validator.check(own, decisionsChecked));
            List<ProcessResource> checkedFiles = own;
            problems.addAll(diagramsChecked.computeIfAbsent(contents(own, "bpmn", "form", "html"), key -> checkDiagrams(checkedFiles, formIds)));
            // the decision tables' JUEL cells too, which differ between organisations
            problems.addAll(expressionsChecked.computeIfAbsent(contents(own, "bpmn", "form", "html", "dmn"),
                    key -> expressions.check(checkedFiles)));
            byTenant.put(tenant.id(), own);
        }
        // README once named processes/CaseDispatch.dmn as the dispatch table: a table put there is never deployed.
        replaced.forEach((origin, name) -> LOG.warn("{} 不会部署：每个组织部署自己的 config/organizations/<组织>/{}（没有时为 _defaults/ 中的），"
                + "请把改动写到那里并删除此文件", origin, name.substring(name.lastIndexOf('/') + 1)));
        return new Checked(byTenant, names, problems.stream().distinct().toList(), List.copyOf(warnings));
    }

    /** What a check reads: each file's origin and content of the kinds it reads. */
    private static List<Object> contents(List<ProcessResource> resources, String... extensions) {
        List<Object> key = new ArrayList<>();
        for (ProcessResource r : resources) {
            if (r.hasExtension(extensions)) {
                key.add(r.origin());
                key.add(ByteBuffer.wrap(r.content()));
            }
        }
        return key;
    }

    /** The ids the code relies on, one file per process, the forms the diagrams name, the choices their gateways take. */
    private List<String> checkDiagrams(List<ProcessResource> own, Map<ByteBuffer, String> formIds) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> filesByProcess = new LinkedHashMap<>();
        for (ProcessResource r : own) {
            if (r.name().endsWith(".bpmn")) {
                BpmnReads.processElementIds(r.content()).ifPresent(ids -> {
                    problems.addAll(ReliedElements.missing(reliedIds, r.origin(), ids));
                    ids.keySet().forEach(p -> filesByProcess.computeIfAbsent(p, k -> new ArrayList<>()).add(r.origin()));
                });
            }
        }
        // a copy left beside the original ("… - 副本.bpmn"): the engine's own message names neither file
        filesByProcess.forEach((process, files) -> {
            if (files.size() > 1) {
                problems.add("%s 定义了同一个流程 %s：每个流程只能在一个文件中，请删除或改名其中的副本".formatted(
                        String.join(" 与 ", files), process));
            }
        });
        problems.addAll(FormReferenceCheck.check(own, formIds));
        problems.addAll(choiceGateways.check(own));
        return problems;
    }
}
