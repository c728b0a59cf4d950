package org.shirong.system;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnParser;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnParser;

/**
 * Reads BPMN and DMN files into Camunda's model API, validated against their XML schemas compiled once per JVM (issue 13,
 * W6). The model API's own readers ({@code Bpmn.readModelFromStream}, {@code Dmn.readModelFromStream}) give the schema's
 * address to every DOM parser they make, which compiles BPMN20.xsd with its imports, or all six DMN schemas, again for
 * each file, and then validate the document a second time against the same schemas, compiled once in the parser. These
 * readers keep only the second validation: same schemas, same errors, no compiling per file. For Shirong's own checks of
 * the files before they are deployed; the engine deploys and executes with its own readers.
 */
public final class ModelFiles {

    private static final String SCHEMA_LANGUAGE = "http://java.sun.com/xml/jaxp/properties/schemaLanguage";
    private static final String SCHEMA_SOURCE = "http://java.sun.com/xml/jaxp/properties/schemaSource";

    private static final BpmnParser BPMN = new BpmnParser() {
        @Override
        protected void configureFactory(DocumentBuilderFactory factory) {
            super.configureFactory(factory);
            withoutSchemaWhileParsing(factory);
        }
    };

    private static final DmnParser DMN = new DmnParser() {
        @Override
        protected void configureFactory(DocumentBuilderFactory factory) {
            super.configureFactory(factory);
            withoutSchemaWhileParsing(factory);
        }
    };

    private ModelFiles() {
    }

    /** The BPMN file as a model; throws the model API's exception when it is not well-formed or not valid. */
    public static BpmnModelInstance readBpmn(byte[] content) {
        return BPMN.parseModelFromStream(new ByteArrayInputStream(content));
    }

    /** The DMN file (DMN 1.1 to 1.5) as a model; throws the model API's exception when it is not well-formed or not valid. */
    public static DmnModelInstance readDmn(byte[] content) {
        return DMN.parseModelFromStream(new ByteArrayInputStream(content));
    }

    /**
     * The factory keeps its XXE protections and secure processing, but its parsers no longer load the schemas themselves
     * ({@code validating} would then ask for a DTD): the parser validates each document against its compiled schemas
     * right after parsing it.
     */
    private static void withoutSchemaWhileParsing(DocumentBuilderFactory factory) {
        factory.setAttribute(SCHEMA_SOURCE, null);
        factory.setAttribute(SCHEMA_LANGUAGE, null);
        factory.setValidating(false);
    }
}
