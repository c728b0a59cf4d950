package org.shirong.system;

import java.lang.reflect.Field;

/**
 * Reads the inputs a Camunda command holds in non-public fields, for the guards that must see what the
 * engine was asked to do. A field that a new Camunda version renamed stops start-up with its name.
 */
final class CommandFields {

    private CommandFields() {
    }

    static Field of(Class<?> command, String name) {
        try {
            Field field = command.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda 的 " + command.getSimpleName() + " 没有字段 " + name
                    + "：Shirong 的引擎防护须按新版本调整", e);
        }
    }

    static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
