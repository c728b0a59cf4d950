package org.shirong.system;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;

/**
 * A BPMN parse as the engine's, validated against the compiled schema by its parser's SAX parsers
 * ({@link CompiledSchemaBpmnParser}). The schema's address, which the engine's parse would hand to the SAX parser as
 * JAXP properties (compiling it anew, and clashing with a compiled schema), is not kept.
 */
class CompiledSchemaBpmnParse extends BpmnParse {

    CompiledSchemaBpmnParse(CompiledSchemaBpmnParser parser) {
        super(parser);
    }

    /** Called by the engine's constructor with BPMN20.xsd's address; validation is the parser's. */
    @Override
    public void setSchemaResource(String schemaResource) {
        this.schemaResource = null;
    }
}
