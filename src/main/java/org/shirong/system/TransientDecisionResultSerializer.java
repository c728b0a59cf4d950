package org.shirong.system;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's transient {@code decisionResult} of a business rule task (every case's 派遣案件), kept as the object it is and
 * never serialized: the engine serializes even a transient variable when it is set, and once more when the command ends to
 * see whether it changed, and the JSON it made for the decision result was thrown away unread (issue 13, W2: some 6 % of an
 * import's CPU). Only a transient {@link DmnDecisionResult} is taken; one set to be kept goes to the engine's serializers.
 */
class TransientDecisionResultSerializer extends AbstractTypedValueSerializer<ObjectValue> {

    static final String NAME = "shirong-transient-decision-result";

    TransientDecisionResultSerializer() {
        super(ValueType.OBJECT);
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * The engine's default format: where several serializers could take a value the engine picks the first of that
     * format, and this one comes before the engine's own.
     */
    @Override
    public String getSerializationDataformat() {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        return configuration == null ? null : configuration.getDefaultSerializationFormat();
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
        return value.isTransient() && value.getValue() instanceof DmnDecisionResult;
    }

    @Override
    public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
        return Variables.objectValue(untypedValue.getValue(), true).create();
    }

    @Override
    public void writeValue(ObjectValue value, ValueFields valueFields) {
        // transient: the variable is never written, its value lives in the command's execution only
    }

    @Override
    public ObjectValue readValue(ValueFields valueFields, boolean deserializeValue, boolean asTransientValue) {
        throw new IllegalStateException("决策结果变量 " + valueFields.getName() + " 是临时变量，不写入数据库，无从读取");
    }
}
