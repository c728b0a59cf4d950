package org.shirong.system;

import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's BPMN parser, with SAX parsers that validate against {@link CompiledBpmnSchema} instead of compiling the
 * schema for every file. Expression manager, parse factory and parse listeners are the engine's own.
 *
 * <p>Its SAX parser factories are its own (one per thread, as the engine's, since a factory is not thread-safe): the
 * engine's shared thread-local factory is never touched, so the engine's other parsers see it as they left it. The
 * engine's XXE settings (no DOCTYPE, no external entities, secure processing) are still applied to the factory before
 * each SAX parser is made ({@code Parser.getSaxParser}).
 */
class CompiledSchemaBpmnParser extends BpmnParser {

    private static final String NAMESPACE_PREFIXES = "http://xml.org/sax/features/namespace-prefixes";
    private static final ThreadLocal<SAXParserFactory> VALIDATING_FACTORY = ThreadLocal.withInitial(CompiledSchemaBpmnParser::validatingFactory);

    CompiledSchemaBpmnParser(BpmnParser engineParser, CompiledSchemaBpmnParseFactory parseFactory) {
        super(engineParser.getExpressionManager(), parseFactory);
        setParseListeners(engineParser.getParseListeners());
    }

    @Override
    protected SAXParserFactory getSaxParserFactoryLazily() {
        return VALIDATING_FACTORY.get();
    }

    /** This thread's factory of SAX parsers validating against the compiled schema, as this parser's. */
    static SAXParserFactory validatingFactoryOfThisThread() {
        return VALIDATING_FACTORY.get();
    }

    /** Its factories always validate against the compiled schema; the engine's switch (a schema address) has no say. */
    @Override
    protected void enableSchemaValidation(boolean enableSchemaValidation) {
    }

    /**
     * As the engine's validating factory: namespace-aware, reporting xmlns attributes (BpmnParse resolves prefixes such
     * as {@code tns:} from them), schema errors to the parse's error handler. {@code validating} stays off: it would
     * ask for DTD validation, and the schema is given as a {@link javax.xml.validation.Schema}, not as JAXP properties.
     */
    private static SAXParserFactory validatingFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature(NAMESPACE_PREFIXES, true);
        } catch (Exception e) {
            throw new IllegalStateException("the XML parser cannot report namespace prefixes, which BPMN parsing needs", e);
        }
        factory.setSchema(CompiledBpmnSchema.BPMN_20);
        return factory;
    }
}
