package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's transient {@code decisionResult} (as a business rule task sets it) is kept as the object and never
 * serialized ({@link TransientDecisionResultSerializer}); a decision result set to be kept is serialized by the engine as
 * before.
 */
@ShirongWebTest
@SharesSpringContext
class TransientDecisionResultSerializerTest {

    @Autowired
    EngineBatch engine;

    @Test
    void aTransientDecisionResultIsKeptUnserializedAndAKeptOneIsSerializedAsBefore() {
        DmnDecisionResultEntriesImpl entries = new DmnDecisionResultEntriesImpl();
        entries.putValue("leadUnit", Variables.stringValue("chengguan"));
        DmnDecisionResult result = new DmnDecisionResultImpl(List.<DmnDecisionResultEntries>of(entries));
        engine.execute(context -> {
            VariableInstanceEntity transientResult = VariableInstanceEntity.create("decisionResult",
                    Variables.untypedValue(result, true), true);
            assertThat(transientResult.getSerializerName()).isEqualTo(TransientDecisionResultSerializer.NAME);
            assertThat(transientResult.getByteArrayValue()).isNull();
            assertThat(transientResult.getTypedValue(true).getValue()).isSameAs(result);
            assertThat(result.getSingleResult().getEntryMap()).isEqualTo(Map.of("leadUnit", "chengguan"));

            VariableInstanceEntity kept = VariableInstanceEntity.create("kept", Variables.untypedValue(result), false);
            assertThat(kept.getSerializerName()).isNotEqualTo(TransientDecisionResultSerializer.NAME);
            assertThat(kept.getByteArrayValue()).isNotEmpty();
            return null;
        });
    }
}
