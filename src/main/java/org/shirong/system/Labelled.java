package org.shirong.system;

/** A value with a Chinese name (案件状态 DISPATCHED: 已派遣), which a refusal of a bad parameter lists beside each value. */
public interface Labelled {

    String label();
}
