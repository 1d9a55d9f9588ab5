package org.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class UiExecutorTest {
    private final UiExecutor executor = new UiExecutor();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void runsTaskSubmittedFromAnotherThreadOnTheFxApplicationThread() throws Exception {
        assertThat(Platform.isFxApplicationThread()).isFalse();
        CountDownLatch done = new CountDownLatch(1);
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();

        executor.execute(() -> {
            onFxThread.add(Platform.isFxApplicationThread());
            done.countDown();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(onFxThread).containsExactly(true);
    }

    @Test
    void runsTasksInSubmissionOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            int n = i;
            executor.execute(() -> {
                order.add(n);
                done.countDown();
            });
        }

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void rejectsNullTask() {
        assertThatNullPointerException().isThrownBy(() -> executor.execute(null));
    }
}
