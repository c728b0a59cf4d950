package org.shirong.organization;

/** The Tasklist filters Shirong creates: one per user (我的待办) and three per group. */
enum TaskFilterKind {
    MINE("我的待办", "分配给我的任务", "#1f77b4", -10),
    UNIT("本单位待办", "本单位可认领及已认领的任务，按到期日期排序", "#2ca02c", 10),
    DUE_SOON("即将到期", "本单位尚未超期、24 小时内到期或已亮黄灯（时限已用 80%）的任务", "#ff7f0e", 20),
    OVERDUE("已超期", "本单位已超过到期日期的任务", "#d62728", 30);

    final String label;
    final String description;
    final String color;
    final int priority;

    TaskFilterKind(String label, String description, String color, int priority) {
        this.label = label;
        this.description = description;
        this.color = color;
        this.priority = priority;
    }

    boolean perUser() {
        return this == MINE;
    }

    boolean dueBased() {
        return this == DUE_SOON || this == OVERDUE;
    }
}
