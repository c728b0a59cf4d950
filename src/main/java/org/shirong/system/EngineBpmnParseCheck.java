package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Lets the engine's own BPMN parse read every BPMN file before anything is deployed (poreview-s50 F5): what only the
 * engine checks (a service task without implementation, a gateway's flows …) stopped the deployment at the first file,
 * so a second broken file showed a restart later. Each distinct file is parsed once, in a command that writes nothing;
 * its problems are named with the file as the owner knows it, line and element. Files that do not read as XML are left to
 * {@link BpmnFileCheck}, which named them already.
 */
final class EngineBpmnParseCheck {

    private EngineBpmnParseCheck() {
    }

    /** The engine's problems with the BPMN files the organisations deploy, each file parsed once (for its first organisation). */
    static List<String> check(ProcessEngineConfigurationImpl engine, Map<String, List<ProcessResource>> byTenant) {
        BpmnParser parser = engine.getDeployers() == null ? null : engine.getDeployers().stream()
                .filter(BpmnDeployer.class::isInstance).map(d -> ((BpmnDeployer) d).getBpmnParser()).findFirst().orElse(null);
        if (parser == null) {
            return List.of();
        }
        return engine.getCommandExecutorTxRequired().execute(commandContext -> {
            List<String> problems = new ArrayList<>();
            Set<List<Object>> parsed = new HashSet<>();
            byTenant.forEach((tenant, resources) -> {
                for (ProcessResource resource : resources) {
                    if (resource.hasExtension("bpmn") && parsed.add(List.of(ByteBuffer.wrap(resource.content()), resource.origin()))) {
                        problems.addAll(parse(parser, tenant, resource));
                    }
                }
            });
            return problems;
        });
    }

    private static List<String> parse(BpmnParser parser, String tenant, ProcessResource resource) {
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setName(ProcessResourceDeployer.DEPLOYMENT_NAME);
        deployment.setTenantId(tenant);
        try {
            parser.createParse().sourceInputStream(new ByteArrayInputStream(resource.content())).deployment(deployment)
                    .name(resource.name()).execute();
            return List.of();
        } catch (ParseException e) {
            List<String> problems = new ArrayList<>();
            for (ResourceReport report : e.getResorceReports()) {
                for (Problem problem : report.getErrors()) {
                    // a missing history time to live: BpmnFileCheck named it before, in Chinese, with the process's name
                    if (!String.valueOf(problem.getMessage()).contains("ENGINE-12018")) {
                        problems.add(describe(resource.origin(), problem));
                    }
                }
            }
            return problems.isEmpty() && !String.valueOf(e.getMessage()).contains("ENGINE-12018") ? List.of(resource.origin() + ": 流程引擎不接受此文件（" + ProcessResourceValidator.rootMessage(e) + "）")
                    : problems;
        } catch (ProcessEngineException unreadable) {
            return List.of(); // not XML: BpmnFileCheck named file, line and column
        }
    }

    private static String describe(String origin, Problem problem) {
        String element = problem.getMainElementId() == null ? "" : " 元素 " + problem.getMainElementId();
        String message = String.valueOf(problem.getMessage());
        String what = message.contains("is mandatory on serviceTask") || message.contains("is mandatory on sendTask")
                        ? "服务任务或发送任务没有指定由谁执行（Modeler 属性面板“Implementation”：Delegate expression 等）"
                        : message.startsWith("Invalid destination") || message.startsWith("Invalid source")
                                ? "连线的起点或终点不是可以连接的环节" : "流程引擎不接受";
        return "%s: 第 %d 行%s: %s（引擎：%s）".formatted(origin, problem.getLine(), element, what, message);
    }
}
