package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.io.InputStreamSource;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A BPMN parse as the engine's, validated against the compiled schema by its parser's SAX parsers
 * ({@link CompiledSchemaBpmnParser}). The schema's address, which the engine's parse would hand to the SAX parser as
 * JAXP properties (compiling it anew, and clashing with a compiled schema), is not kept. Within a deployment pass
 * ({@link SharedBpmnReads}) a file read before without a schema problem is not read again: the engine's parse goes on
 * from the element tree read before.
 */
class CompiledSchemaBpmnParse extends BpmnParse {

    private byte[] content;

    CompiledSchemaBpmnParse(CompiledSchemaBpmnParser parser) {
        super(parser);
    }

    /** Called by the engine's constructor with BPMN20.xsd's address; validation is the parser's. */
    @Override
    public void setSchemaResource(String schemaResource) {
        this.schemaResource = null;
    }

    @Override
    public BpmnParse execute() {
        SharedBpmnReads reads = SharedBpmnReads.current();
        if (reads == null || streamSource == null) {
            return super.execute();
        }
        content = readSource();
        Element readBefore = Boolean.TRUE.equals(parser.isEnableXxeProcessing()) ? null : reads.readBefore(content);
        if (readBefore == null) {
            streamSource = new InputStreamSource(new ByteArrayInputStream(content));
            return super.execute();
        }
        reads.reusedByEngine();
        rootElement = readBefore;
        // BpmnParse.execute() after its XML read, which had neither error nor warning
        try {
            parseRootElement();
        } catch (BpmnParseException e) {
            addError(e);
        } catch (Exception e) {
            LOG.parsingFailure(e);
            throw LOG.parsingProcessException(e);
        } finally {
            if (hasWarnings()) {
                logWarnings();
            }
            if (hasErrors()) {
                throwExceptionForErrors();
            }
        }
        return this;
    }

    /** Called by the engine's parse right after the XML read: a read without problems is kept for the pass. */
    @Override
    protected void parseRootElement() {
        SharedBpmnReads reads = SharedBpmnReads.current();
        // hasErrors(), not errors: BpmnParse hides Parse.errors behind a field of its own (the BPMN error definitions)
        if (reads != null && content != null && !hasErrors() && !hasWarnings()
                && !Boolean.TRUE.equals(parser.isEnableXxeProcessing())) {
            reads.keep(content, rootElement);
        }
        super.parseRootElement();
    }

    private byte[] readSource() {
        try (var in = streamSource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw LOG.parsingProcessException(e);
        }
    }
}
