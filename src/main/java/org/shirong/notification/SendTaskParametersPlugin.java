package org.shirong.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.PropertyKey;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

/**
 * The parameters of a notification send task ({@code template}, {@code recipients}, {@code iteration} and the template's
 * other values), written in the BPMN as extension properties ({@code camunda:properties}, Modeler's "Extension
 * properties"), a value with {@code ${…}} an expression of the engine's expression manager. They are read and compiled
 * once, when the engine parses the process definition (deployment, or a definition the deployment cache reloads), and
 * kept on the activity; {@link SendTaskParameters#of} evaluates them against the execution when the send task runs. Unlike
 * {@code camunda:inputParameter}s, which make the send task a scope of its own (a child execution and one variable row
 * per parameter, each inserted and deleted: issue 13, 7 variable rows and 2 executions a case in W1), they leave no
 * runtime rows; unlike {@code camunda:field}s, nothing is injected into the singleton delegate, so concurrent send tasks
 * never see each other's values. A definition deployed with input parameters (older versions with running instances)
 * still works: its parameters are the send task's local variables, as before.
 */
@Component
class SendTaskParametersPlugin extends AbstractProcessEnginePlugin {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
    static final PropertyKey<Map<String, Object>> PARAMETERS = new PropertyKey<>("shirong.sendTaskParameters");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new SendTaskParameters(configuration));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Keeps each send task's extension properties on its activity: texts as they are, expressions compiled. */
    private static final class SendTaskParameters extends AbstractBpmnParseListener {

        private final ProcessEngineConfigurationImpl configuration;

        SendTaskParameters(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void parseSendTask(Element sendTaskElement, ScopeImpl scope, ActivityImpl activity) {
            Element extensions = sendTaskElement.element("extensionElements");
            Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
            if (properties == null) {
                return;
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (Element property : properties.elementsNS(CAMUNDA, "property")) {
                String name = property.attribute("name");
                String value = property.attribute("value");
                if (name == null || name.isBlank() || value == null) {
                    continue;
                }
                parameters.put(name, value.contains("${") || value.contains("#{")
                        ? configuration.getExpressionManager().createExpression(value) : value);
            }
            activity.getProperties().set(PARAMETERS, Collections.unmodifiableMap(parameters));
        }
    }
}
