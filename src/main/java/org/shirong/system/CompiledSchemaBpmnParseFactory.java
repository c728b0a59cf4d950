package org.shirong.system;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;

/** Makes the engine's BPMN parses validate against the schema compiled once ({@link CompiledBpmnSchema}). */
class CompiledSchemaBpmnParseFactory implements BpmnParseFactory {

    @Override
    public BpmnParse createBpmnParse(BpmnParser engineParser) {
        CompiledSchemaBpmnParser parser = engineParser instanceof CompiledSchemaBpmnParser own ? own : new CompiledSchemaBpmnParser(engineParser, this);
        return new CompiledSchemaBpmnParse(parser);
    }
}
