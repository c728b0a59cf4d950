package org.shirong.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 工作交办: {@code redoWorkingDays}, how many working days a unit has to redo work the office returned (退回重办), counted
 * from the day it is returned; the work keeps its own deadline when that is later (jtphone-s61 F3).
 */
@ConfigurationProperties("shirong.work-assignments")
record WorkAssignmentProperties(@DefaultValue("3") int redoWorkingDays) {
}
