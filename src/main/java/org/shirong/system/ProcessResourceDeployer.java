package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * no gateway after its task lets go on ({@link ChoiceGatewayCheck}), stops start-up with a
 * message naming the file and the element, rule or line; nothing is deployed then. Every organisation's files are
 * checked first ({@link ProcessResourceChecks}, which {@link CheckOnly} also runs without starting Shirong), and all organisations are deployed in one transaction: what only the engine's deployer finds in one
 * organisation's file undoes the deployments of the organisations before it (a half-done start-up once gave five
 * organisations new versions and left the rest on the old ones), and is reported with the real file and organisation.
 */
@Component
@Order(10)
public class ProcessResourceDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "shirong";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

    private final RepositoryService repositoryService;
    private final ProcessResourceChecks checks;
    private final StartupFingerprints fingerprints;
    /** The engine refuses a decision without {@code historyTimeToLive} (it enforces one and has no default). */
    private final boolean historyTimeToLiveRequired;
    private final TransactionTemplate oneTransaction;
    private final ProcessEngineConfigurationImpl engine;

    ProcessResourceDeployer(RepositoryService repositoryService, ProcessResourceChecks checks, StartupFingerprints fingerprints,
            ProcessEngineConfigurationImpl engine, PlatformTransactionManager transactions) {
        this.historyTimeToLiveRequired = engine.isEnforceHistoryTimeToLive() && engine.getHistoryTimeToLive() == null;
        this.oneTransaction = new TransactionTemplate(transactions);
        this.repositoryService = repositoryService;
        this.checks = checks;
        this.fingerprints = fingerprints;
        this.engine = engine;
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
        ProcessResourceChecks.Checked checked = checks.check(historyTimeToLiveRequired);
        Map<String, List<ProcessResource>> byTenant = checked.byTenant();
        Map<String, String> names = checked.names();
        List<String> problems = new ArrayList<>(checked.problems());
        checked.warnings().forEach(warning -> LOG.warn("{}", warning));
        // the engine's own rules for every BPMN file at once, not only for the first broken one it deploys
        EngineBpmnParseCheck.check(engine, byTenant).stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        // Every organisation's files are checked before anything is deployed: a broken one deploys nothing.
        if (!problems.isEmpty()) {
            throw refused(problems);
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
        String what = message.contains("ENGINE-12018") ? ProcessResourceValidator.MISSING_TTL
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
