package org.shirong.system;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.xml.sax.SAXException;

/**
 * The engine's BPMN 2.0 schema (BPMN20.xsd with Semantic.xsd, BPMNDI.xsd, DC.xsd and DI.xsd), compiled once per JVM.
 * A {@link Schema} is immutable and thread-safe; the engine itself hands the schema's address to every new SAX parser,
 * which compiles it again for each BPMN file.
 *
 * <p>While compiling, only the schema's own kind of location may be read (its imports lie beside it, in the engine's
 * jar), and no DTD at all.
 */
final class CompiledBpmnSchema {

    static final Schema BPMN_20 = compile(ReflectUtil.getResource(BpmnParser.BPMN_20_SCHEMA_LOCATION));

    private CompiledBpmnSchema() {
    }

    private static Schema compile(URL schema) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, protocolsOf(schema));
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(schema);
        } catch (SAXException e) {
            throw new IllegalStateException("BPMN 2.0 schema " + schema + " could not be compiled", e);
        }
    }

    /** The schema's protocol, and for a file inside a jar also the jar's own ({@code jar:file:}, {@code jar:nested:}), as the XML parser checks it. */
    private static String protocolsOf(URL schema) {
        String path = schema.getPath();
        int colon = path.indexOf(':');
        return "jar".equals(schema.getProtocol()) && colon > 0 ? "jar," + path.substring(0, colon) : schema.getProtocol();
    }
}
