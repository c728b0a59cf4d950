package org.shirong.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The refusals of one start-up stage (the organisation files, the categories, the campaign templates, the scoring
 * rubrics …), collected over all organisations instead of stopping at the first file (poreview-s56 P1). At start-up a
 * stage that found any ends start-up with all of them in one {@link StartupRefusedException}; while {@link CheckOnly}
 * runs ({@link #checking()}) they are kept for its one list and the later stages go on, leaving out only an
 * organisation whose part of a stage they depend on failed ({@link #failed}).
 */
public final class StartupRefusals implements AutoCloseable {

    private static final ThreadLocal<StartupRefusals> CHECKING = new ThreadLocal<>();

    private final List<String> problems = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    private StartupRefusals() {
    }

    /** Collects, on this thread and until closed, every stage's refusals instead of ending start-up. */
    static StartupRefusals checking() {
        StartupRefusals refusals = new StartupRefusals();
        CHECKING.set(refusals);
        return refusals;
    }

    /** The refusals collected so far, each "文件 … 有误：" with its list, in the order found, without repeats. */
    List<String> problems() {
        return problems.stream().distinct().toList();
    }

    @Override
    public void close() {
        CHECKING.remove();
    }

    /** A stage of start-up, named for {@link #failed}. */
    public static Stage stage(String name) {
        return new Stage(name, CHECKING.get());
    }

    /** Whether, in a check, the organisation's part of {@code stage} was refused (so that what reads it is left out). */
    public static boolean failed(String stage, String organization) {
        StartupRefusals checking = CHECKING.get();
        return checking != null && checking.failed.contains(stage + "/" + organization);
    }

    /** One stage's work, organisation by organisation. */
    public static final class Stage {

        private final String name;
        private final StartupRefusals checking;
        private final List<StartupRefusedException> refused = new ArrayList<>();

        private Stage(String name, StartupRefusals checking) {
            this.name = name;
            this.checking = checking;
        }

        /** The organisation's part ({@code organization} null for a shared file); empty when refused. */
        public <T> Optional<T> get(String organization, Supplier<T> work) {
            try {
                return Optional.ofNullable(work.get());
            } catch (StartupRefusedException e) {
                refuse(organization, e);
                return Optional.empty();
            }
        }

        /** The organisation's part, which gives nothing back. */
        public void run(String organization, Runnable work) {
            get(organization, () -> {
                work.run();
                return null;
            });
        }

        /** A refusal found outside {@link #get}, e.g. by a check across organisations. */
        public void refuse(String organization, StartupRefusedException e) {
            refused.add(e);
            if (checking != null) {
                checking.problems.add(e.getMessage());
                if (organization != null) {
                    checking.failed.add(name + "/" + organization);
                }
            }
        }

        /** At start-up, ends it with every refusal of the stage; in a check, nothing. */
        public void end() {
            if (checking != null || refused.isEmpty()) {
                return;
            }
            if (refused.size() == 1) {
                throw refused.get(0);
            }
            throw new StartupRefusedException(String.join("\n", refused.stream().map(Throwable::getMessage).distinct().toList()),
                    "请修改所列文件后重新启动。");
        }
    }
}
