package org.shirong.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the engine validate BPMN files against the BPMN 2.0 schema compiled once, instead of compiling it for every
 * file it parses (issue 13, W6): Shirong deploys the same processes for every organisation, and compiling the schema
 * was most of a deployment's time. The validation and its errors are the engine's (same schema, same parser, same
 * error handler); see {@link CompiledSchemaBpmnParser}.
 */
@Component
class CompiledBpmnSchemaPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledBpmnSchemaPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        BpmnParseFactory configured = configuration.getBpmnParseFactory();
        if (configured != null && configured.getClass() != DefaultBpmnParseFactory.class) {
            // Someone else's parses: they keep compiling the schema per file rather than lose what they do.
            LOG.warn("流程引擎已有自定义的 BPMN 解析工厂 {}，BPMN 模式不预编译（部署会慢一些）", configured.getClass().getName());
            return;
        }
        configuration.setBpmnParseFactory(new CompiledSchemaBpmnParseFactory());
    }
}
