package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys {@code processes/} and {@code forms/} at start-up into every organisation (Camunda tenant), each as one
 * deployment named {@value #DEPLOYMENT_NAME} with the organisation's own files (its dispatch table) added, with stable
 * resource names so that a restart without changes creates no new versions, whether Shirong runs from Maven or from
 * its jar. Select fields that take their options from configuration ({@link FormSelectOptions}) are filled in per
 * organisation first. A broken file, one that names a group the organisation does not have, or a form choice whose option
 * no gateway after its task lets go on ({@link ChoiceGatewayCheck}), or an expression naming a variable or bean that does not
 * exist ({@link ExpressionCheck}), stops start-up with a
 * message naming the file and the element, rule or line; nothing is deployed then. Every organisation's files are
 * checked first, and all organisations are deployed in one transaction: what only the engine's deployer finds in one
 * organisation's file undoes the deployments of the organisations before it (a half-done start-up once gave five
 * organisations new versions and left the rest on the old ones), and is reported with the real file and organisation.
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
    private final ProcessResourceValidator validator;
    private final Map<String, List<String>> reliedIds;
    private final TransactionTemplate oneTransaction;
    private final List<TenantResources.ResourceCheck> resourceChecks;
    private final ChoiceGatewayCheck choiceGateways = new ChoiceGatewayCheck();
    private final ExpressionCheck expressions;

    ProcessResourceDeployer(RepositoryService repositoryService, ProcessResourceCollector collector,
            ObjectProvider<FormSelectOptions> formOptions, TenantResources tenants, StartupFingerprints fingerprints,
            ObjectProvider<ReliedElements> relied, ProcessEngineConfigurationImpl engine, PlatformTransactionManager transactions,
            ObjectProvider<TenantResources.ResourceCheck> resourceChecks, ExpressionCheck expressions) {
        this.expressions = expressions;
        this.resourceChecks = resourceChecks.orderedStream().toList();
        this.validator = new ProcessResourceValidator(engine.isEnforceHistoryTimeToLive() && engine.getHistoryTimeToLive() == null);
        this.oneTransaction = new TransactionTemplate(transactions);
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
        Map<String, String> names = new HashMap<>();
        Map<String, String> replaced = new TreeMap<>();
        Map<ByteBuffer, String> decisionsChecked = new HashMap<>();
        for (TenantResources.Tenant tenant : tenants.tenants()) {
            names.put(tenant.id(), tenant.name());
            List<ProcessResource> own = new ArrayList<>(shared);
            for (TenantResources.OwnFile file : tenant.files()) {
                shared.stream().filter(r -> r.name().equals(file.name())).forEach(r -> replaced.put(r.origin(), file.name()));
                own.removeIf(r -> r.name().equals(file.name()));
                own.add(new ProcessResource(file.name(), file.origin(), file.content()));
            }
            own = FormOptionFiller.fill(own, formOptions, tenant.id(), problems);
            for (ProcessResource r : own) {
                problems.addAll(tenant.checker().check(r.name(), r.origin(), r.content()));
                for (TenantResources.ResourceCheck check : resourceChecks) {
                    problems.addAll(check.check(tenant.id(), r.name(), r.origin(), r.content()));
                }
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
            problems.addAll(choiceGateways.check(own));
            problems.addAll(expressions.check(own));
            byTenant.put(tenant.id(), own);
        }
        // README once named processes/CaseDispatch.dmn as the dispatch table: a table put there is never deployed.
        replaced.forEach((origin, name) -> LOG.warn("{} 不会部署：每个组织部署自己的 config/organizations/<组织>/{}（没有时为 _defaults/ 中的），"
                + "请把改动写到那里并删除此文件", origin, name.substring(name.lastIndexOf('/') + 1)));
        // Every organisation's files are checked before anything is deployed: a broken one deploys nothing.
        if (!problems.isEmpty()) {
            throw refused(problems.stream().distinct().toList());
        }
        // ... and all of them in one transaction, so that what only the engine finds leaves nothing deployed either.
        Map<String, DeploymentWithDefinitions> made = oneTransaction.execute(status -> {
            Map<String, DeploymentWithDefinitions> in = new LinkedHashMap<>();
            byTenant.forEach((tenant, resources) -> in.put(tenant, deploy(tenant, names.get(tenant), resources)));
            return in;
        });
        made.forEach((tenant, deployment) -> {
            // with nothing changed the engine answers an earlier deployment, not always this organisation's
            if (tenant.equals(deployment.getTenantId()) && !empty(deployment.getDeployedProcessDefinitions())) {
                LOG.info("{}：已部署新版本，{} 个流程与表单文件（部署 {}）", names.get(tenant), byTenant.get(tenant).size(), deployment.getId());
            } else {
                LOG.info("{}：流程与表单文件没有改动，沿用已部署的版本", names.get(tenant));
            }
        });
        List<Deployment> deployments = new ArrayList<>(made.values());
        int reused = SharedBpmnReads.current().reused();
        if (reused > 0) {
            LOG.info("{} 个组织的部署共用相同的 BPMN 文件：引擎 {} 次解析沿用了已读取的文件内容", byTenant.size(), reused);
        }
        return deployments;
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private DeploymentWithDefinitions deploy(String tenant, String tenantName, List<ProcessResource> resources) {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .tenantId(tenant)
                .enableDuplicateFiltering(false);
        resources.forEach(r -> builder.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
        Map<String, String> origins = resources.stream()
                .collect(Collectors.toMap(ProcessResource::name, ProcessResource::origin, (a, b) -> a));
        try {
            return builder.deployWithResult();
        } catch (ParseException e) {
            throw refused(ProcessResourceValidator.describe(e, origins));
        } catch (ProcessEngineException e) {
            throw refused(List.of(engineRefusal(e, tenantName == null ? tenant : tenantName, origins)));
        }
    }

    /**
     * The engine's words for a file it refused, with the resource name it was deployed under ({@code
     * processes/CaseDispatch.dmn}, which an organisation's table is deployed as) replaced by the file it was read from,
     * the organisation named, and the engine's most common refusal (no history time to live) said in Chinese.
     */
    static String engineRefusal(ProcessEngineException e, String organisation, Map<String, String> origins) {
        String message = ProcessResourceValidator.rootMessage(e);
        String file = null;
        for (Map.Entry<String, String> origin : origins.entrySet()) {
            if (message.contains("'" + origin.getKey() + "'")) {
                file = origin.getValue();
                message = message.replace("'" + origin.getKey() + "'", "'" + origin.getValue() + "'");
            }
        }
        String what = message.contains("ENGINE-12018") ? ProcessResourceValidator.MISSING_TTL + "（引擎：" + message + "）"
                : message.contains("Cannot parse historyTimeToLive") ? "历史保留时间 camunda:historyTimeToLive 无法识别，应写天数（例如 1095）"
                + "（引擎：" + message + "）" : "部署时被流程引擎拒绝：" + message;
        return (file == null ? "" : file + ": ") + organisation + "：" + what;
    }

    private static StartupRefusedException refused(List<String> problems) {
        String description = "流程或表单文件有误，Shirong 未启动：\n  - " + String.join("\n  - ", problems);
        return new StartupRefusedException(description,
                "请在 Camunda Modeler 中打开上述文件并修正所列问题，然后重新启动。");
    }
}
