/**
 * Responsibility zones (市容环境卫生责任区, 门责): the register of zone holders per organisation (一点一档), each with its
 * file of every step ({@code zone_event}) and photo ({@code zone_photo}); the 《责任告知书》 delivered and posted by the
 * zone's owner group; zone inspections and the 门责 ladder (告知劝导 → 黄牌 → 红牌 → 移交执法); training sessions; the
 * self-regulating groups (自律组织); and the rates (履责率, 送达率, 上墙率) the scores take. {@link ZoneRecords} owns the
 * {@code zone} table, {@link ZoneFiles} the file; the other parts write to them only through their methods.
 */
package org.shirong.zone;
