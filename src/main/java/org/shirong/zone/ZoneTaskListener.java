package org.shirong.zone;

import static org.shirong.zone.ZoneEnforcementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.shirong.system.TextInput;

/**
 * Create listener of the ladder's user tasks, so that a Tasklist row says which zone and step it is:
 * 告知责任人限期整改 · 黄牌 · JT-Z-0001 张记面馆, with the address, what was found and the 整改期限 in its description.
 */
@Component("zoneTaskListener")
class ZoneTaskListener implements TaskListener {

    private static final String SEPARATOR = " · ";

    @Override
    public void notify(DelegateTask task) {
        String step = text(task.getVariable(VAR_LADDER_STEP_NAME));
        String zone = (text(task.getVariable(VAR_ZONE_NO)) + " " + text(task.getVariable(VAR_HOLDER_NAME))).strip();
        StringBuilder name = new StringBuilder(text(task.getName()));
        if (!step.isEmpty()) {
            name.append(SEPARATOR).append(step);
        }
        if (!zone.isEmpty()) {
            name.append(SEPARATOR).append(zone);
        }
        task.setName(TextInput.shortened(name.toString(), 255));
        StringBuilder description = new StringBuilder("责任区：").append(zone);
        String address = text(task.getVariable(VAR_ZONE_ADDRESS));
        if (!address.isEmpty()) {
            description.append("\n地址：").append(address);
        }
        String items = text(task.getVariable(VAR_BREACH_ITEMS));
        if (!items.isEmpty()) {
            description.append("\n问题：").append(items);
        }
        if (!step.isEmpty()) {
            description.append("\n处置：").append(step).append("，整改期限 ").append(text(task.getVariable(VAR_RECTIFY_DUE_TEXT)));
        }
        task.setDescription(TextInput.shortened(description.toString(), 4000));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip().replaceAll("\\s+", " ");
    }
}
