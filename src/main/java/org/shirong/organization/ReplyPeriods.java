package org.shirong.organization;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 通报's period for the written report ({@code notice.reply-within}) as working days: 五个工作日, 两个工作日,
 * 十二个工作日, 10 个工作日 (1 to 99). The organisation check refuses any other words, so that the period the 通报 prints
 * and the one its 书面报告整改情况 task is due by are the same (diffreview-s58 R6).
 */
public final class ReplyPeriods {

    /** The forms the setting accepts, for messages and the README. */
    public static final String FORMS = "“五个工作日”“两个工作日”“十二个工作日”“10个工作日”（1 至 99 个工作日）";

    private static final Pattern WORKING_DAYS = Pattern.compile(
            "^(?:(\\d{1,2})|(两)|([一二三四五六七八九])|([二三四五六七八九])?十([一二三四五六七八九])?)\\s*个?\\s*工作日$");
    private static final String DIGITS = "一二三四五六七八九";

    private ReplyPeriods() {
    }

    /** The working days {@code words} say, or empty when they say none this reads. */
    public static OptionalInt workingDays(String words) {
        Matcher m = WORKING_DAYS.matcher(words == null ? "" : words.strip());
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int days;
        if (m.group(1) != null) {
            days = Integer.parseInt(m.group(1));
        } else if (m.group(2) != null) {
            days = 2;
        } else if (m.group(3) != null) {
            days = digit(m.group(3));
        } else {
            days = (m.group(4) == null ? 1 : digit(m.group(4))) * 10 + (m.group(5) == null ? 0 : digit(m.group(5)));
        }
        return days > 0 ? OptionalInt.of(days) : OptionalInt.empty();
    }

    private static int digit(String chinese) {
        return DIGITS.indexOf(chinese.charAt(0)) + 1;
    }
}
