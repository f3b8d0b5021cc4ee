package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongConsumer;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where every Jedis call of the Redis backend runs: a fixed set of daemon threads named {@code switchboard-redis-N}
 * behind a bounded queue. Callers (Netty event loops) never block: they get a stage that completes on one of these
 * threads. When the queue is full the stage completes exceptionally at once with a {@link RejectedExecutionException},
 * so nothing buffers without bound while Redis is slow or away. It is also a plain {@link Executor} for stores that
 * make their own stages ({@code CompletableFuture.supplyAsync}); there a full queue throws the exception instead.
 * Thread-safe.
 */
final class RedisExecutor implements Executor, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final UnifiedJedis jedis;
    private final int queueBound;
    private final ThreadPoolExecutor pool;
    private volatile LongConsumer timer = nanos -> {};

    /** Runs calls on {@code jedis} with {@code threads} threads and at most {@code queueBound} calls waiting. */
    RedisExecutor(UnifiedJedis jedis, int threads, int queueBound) {
        this.jedis = requireNonNull(jedis, "jedis");
        this.queueBound = queueBound;
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "switchboard-redis-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueBound),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code call} with the client on an executor thread. The stage completes with its result, or exceptionally
     * with what it threw, or at once with a {@link RejectedExecutionException} when the queue is full or the executor
     * is closed.
     */
    <T> CompletionStage<T> submit(Function<UnifiedJedis, T> call) {
        requireNonNull(call, "call");
        Call<T> task = new Call<>(call, jedis, timer);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            task.result.completeExceptionally(new RejectedExecutionException(
                    pool.isShutdown()
                            ? "the Redis store is closed"
                            : "the Redis store is saturated: " + queueBound + " calls already wait",
                    null));
        }
        return task.result;
    }

    /**
     * Runs {@code task} on an executor thread.
     *
     * @throws RejectedExecutionException at once when the queue is full or the executor is closed
     */
    @Override
    public void execute(Runnable task) {
        requireNonNull(task, "task");
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the Redis store is closed");
        }
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            throw new RejectedExecutionException(
                    "the Redis store is saturated: " + queueBound + " calls already wait", null);
        }
    }

    /** Whether every thread has ended after {@link #close}. */
    boolean isTerminated() {
        return pool.isTerminated();
    }

    /**
     * Stops taking calls, lets running and queued calls finish for up to {@code grace}, then interrupts the threads
     * and fails the {@link #submit} calls still queued. Returns the {@link #execute} tasks that never ran: their
     * stages are not ours to fail, so the caller runs them once the client is closed, where they fail at once.
     */
    List<Runnable> close(Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return failAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failAll();
        }
        return List.of();
    }

    @Override
    public void close() {
        close(Duration.ZERO).forEach(Runnable::run);
    }

    private List<Runnable> failAll() {
        List<Runnable> foreign = new ArrayList<>();
        for (Runnable queued : pool.shutdownNow()) {
            if (queued instanceof Call<?> call) {
                call.result.completeExceptionally(
                        new RejectedExecutionException("the Redis store closed before this call ran"));
            } else {
                foreign.add(queued);
            }
        }
        return foreign;
    }

    /** One call and the stage that carries its outcome. */
    /**
     * Hands the duration in ns of every later {@link #submit}ted call (the Redis round trips only, not the callbacks of
     * its stage) to {@code timer}, on the executor thread; for the store latency metric.
     */
    void timer(LongConsumer timer) {
        this.timer = requireNonNull(timer, "timer");
    }

    private static final class Call<T> implements Runnable {
        private final Function<UnifiedJedis, T> call;
        private final UnifiedJedis jedis;
        private final LongConsumer timer;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Call(Function<UnifiedJedis, T> call, UnifiedJedis jedis, LongConsumer timer) {
            this.call = call;
            this.jedis = jedis;
            this.timer = timer;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            T value;
            try {
                value = call.apply(jedis);
            } catch (RuntimeException | Error e) {
                timer.accept(System.nanoTime() - start);
                result.completeExceptionally(e);
                return;
            }
            timer.accept(System.nanoTime() - start);
            result.complete(value);
        }
    }
}
