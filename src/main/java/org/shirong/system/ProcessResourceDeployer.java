package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} at start-up into every organisation (Camunda tenant), each as one
 * deployment named {@value #DEPLOYMENT_NAME} with the organisation's own files (its dispatch table) added, with stable
 * resource names so that a restart without changes creates no new versions, whether Shirong runs from Maven or from
 * its jar. Select fields that take their options from configuration ({@link FormSelectOptions}) are filled in per
 * organisation first. A broken file, or one that names a group the organisation does not have, stops start-up with a
 * message naming the file and the element, rule or line; nothing is deployed then.
 */
@Component
@Order(10)
public class ProcessResourceDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "shirong";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

    private final RepositoryService repositoryService;
    private final ProcessResourceCollector collector;
    private final List<FormSelectOptions> formOptions;
    private final TenantResources tenants;
    private final StartupFingerprints fingerprints;
    private final ProcessResourceValidator validator = new ProcessResourceValidator();
    private final Map<String, List<String>> reliedIds;

    ProcessResourceDeployer(RepositoryService repositoryService, ProcessResourceCollector collector,
            ObjectProvider<FormSelectOptions> formOptions, TenantResources tenants, StartupFingerprints fingerprints,
            ObjectProvider<ReliedElements> relied) {
        this.repositoryService = repositoryService;
        this.collector = collector;
        this.formOptions = formOptions.orderedStream().toList();
        this.tenants = tenants;
        this.fingerprints = fingerprints;
        this.reliedIds = ReliedElements.idsByProcess(relied.orderedStream().flatMap(r -> r.processClasses().stream()).toList());
    }

    /** Deploys what changed, unless nothing the deployments depend on changed since the last complete start-up. */
    @Override
    public void run(ApplicationArguments args) {
        if (fingerprints.unchanged()) {
            LOG.info("流程、表单与组织机构文件及已部署的版本与上次启动相同，不再逐个组织检查部署");
            return;
        }
        deploy();
    }

    /**
     * Deploys what changed; returns the deployments now in force (new or previous), one per organisation. The
     * organisations share most files: each identical BPMN file is read once in this pass, by the checks, and the
     * engine's parses go on from that read ({@link SharedBpmnReads}).
     */
    public List<Deployment> deploy() {
        return SharedBpmnReads.during(this::checkAndDeploy);
    }

    private List<Deployment> checkAndDeploy() {
        List<String> problems = new ArrayList<>();
        List<ProcessResource> shared = collector.collect();
        Map<String, List<ProcessResource>> byTenant = new LinkedHashMap<>();
        Map<ByteBuffer, String> decisionsChecked = new HashMap<>();
        for (TenantResources.Tenant tenant : tenants.tenants()) {
            List<ProcessResource> own = new ArrayList<>(shared);
            for (TenantResources.OwnFile file : tenant.files()) {
                own.removeIf(r -> r.name().equals(file.name()));
                own.add(new ProcessResource(file.name(), file.origin(), file.content()));
            }
            own = FormOptionFiller.fill(own, formOptions, tenant.id(), problems);
            for (ProcessResource r : own) {
                problems.addAll(tenant.checker().check(r.name(), r.origin(), r.content()));
            }
            problems.addAll(validator.check(own, decisionsChecked));
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
            byTenant.put(tenant.id(), own);
        }
        // Every organisation's files are checked before anything is deployed: a broken one deploys nothing.
        if (!problems.isEmpty()) {
            throw refused(problems.stream().distinct().toList());
        }
        List<Deployment> deployments = new ArrayList<>();
        byTenant.forEach((tenant, resources) -> deployments.add(deploy(tenant, resources)));
        int reused = SharedBpmnReads.current().reused();
        if (reused > 0) {
            LOG.info("{} 个组织的部署共用相同的 BPMN 文件：引擎 {} 次解析沿用了已读取的文件内容", byTenant.size(), reused);
        }
        return deployments;
    }

    private Deployment deploy(String tenant, List<ProcessResource> resources) {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .tenantId(tenant)
                .enableDuplicateFiltering(false);
        resources.forEach(r -> builder.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
        try {
            Deployment deployment = builder.deployWithResult();
            LOG.info("{}：已部署 {} 个流程与表单文件（部署 {}）", tenant, resources.size(), deployment.getId());
            return deployment;
        } catch (ParseException e) {
            Map<String, String> origins = resources.stream()
                    .collect(Collectors.toMap(ProcessResource::name, ProcessResource::origin, (a, b) -> a));
            throw refused(ProcessResourceValidator.describe(e, origins));
        } catch (ProcessEngineException e) {
            throw refused(List.of(ProcessResourceValidator.rootMessage(e)));
        }
    }

    private static StartupRefusedException refused(List<String> problems) {
        String description = "流程或表单文件有误，Shirong 未启动：\n  - " + String.join("\n  - ", problems);
        return new StartupRefusedException(description,
                "请在 Camunda Modeler 中打开上述文件并修正所列问题，然后重新启动。");
    }
}
