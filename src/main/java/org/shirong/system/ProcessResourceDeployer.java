package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
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
 * Deploys {@code processes/} and {@code forms/} at start-up as one deployment named
 * {@value #DEPLOYMENT_NAME}, with stable resource names so that a restart without changes creates
 * no new versions, whether Shirong runs from Maven or from its jar. Select fields that take their
 * options from configuration ({@link FormSelectOptions}) are filled in first. A broken file stops
 * start-up with a message naming the file and the element or line.
 */
@Component
@Order(10)
public class ProcessResourceDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "shirong";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

    private final RepositoryService repositoryService;
    private final ProcessResourceCollector collector;
    private final List<FormSelectOptions> formOptions;
    private final ProcessResourceValidator validator = new ProcessResourceValidator();

    ProcessResourceDeployer(RepositoryService repositoryService, ProcessResourceCollector collector,
            ObjectProvider<FormSelectOptions> formOptions) {
        this.repositoryService = repositoryService;
        this.collector = collector;
        this.formOptions = formOptions.orderedStream().toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    /** Deploys what changed; returns the deployment now in force (new or previous). */
    public Deployment deploy() {
        List<String> problems = new ArrayList<>();
        List<ProcessResource> resources = FormOptionFiller.fill(collector.collect(), formOptions, problems);
        problems.addAll(validator.check(resources));
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        resources.forEach(r -> builder.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
        try {
            Deployment deployment = builder.deployWithResult();
            LOG.info("已部署 {} 个流程与表单文件（部署 {}）", resources.size(), deployment.getId());
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
