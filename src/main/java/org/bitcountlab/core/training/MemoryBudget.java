package org.bitcountlab.core.training;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

import org.bitcountlab.core.model.ParameterSnapshot;

/**
 * The memory a run needs, estimated from its settings before anything is allocated, and whether
 * this JVM can hold it. Almost all of it grows with hidden size x batch size x length: the fused
 * LSTM keeps every timestep's gates and states for backpropagation (Java arrays and native buffers
 * for OpenBLAS), and DL4J holds the layer's activations and gradients natively, in workspaces that
 * reserve more than one minibatch needs.
 *
 * <p>The simple RNN is estimated as the LSTM, which keeps four times its per-step state: an
 * over-estimate, never an under-estimate.
 *
 * <p>Call {@link #check} for settings as they are edited: the problem names what the run needs,
 * what is available and the largest batch size that fits.
 */
public final class MemoryBudget {

    /** Heap the application itself needs besides a run: classes, the window, DL4J's own state. */
    static final long BASELINE_HEAP_BYTES = 256L << 20;
    /** The garbage collector needs room to work: a run may fill this share of the heap. */
    static final double USABLE_HEAP_SHARE = 0.85;
    /** DL4J's workspaces hold the activations and gradients with room to spare. */
    static final int WORKSPACE_FACTOR = 2;

    /** Bytes on the Java heap and in native memory. */
    public record Estimate(long heapBytes, long nativeBytes) {

        public long totalBytes() {
            return heapBytes + nativeBytes;
        }
    }

    /**
     * Settings that do not fit.
     *
     * @param message          what the run needs and what is available, in a sentence or two
     * @param largestBatchSize the largest batch size that fits with the other settings unchanged;
     *                         0 if none does (then the hidden size or length must shrink)
     */
    public record Problem(String message, int largestBatchSize) {
    }

    private final long heapBytes;
    private final long nativeBytes;

    /** A budget of this many bytes for a run's heap and native memory. */
    public MemoryBudget(long heapBytes, long nativeBytes) {
        this.heapBytes = heapBytes;
        this.nativeBytes = nativeBytes;
    }

    /**
     * What this JVM can give a run: its maximum heap (-Xmx) less what the application needs, and the
     * native memory JavaCPP lets ND4J allocate (by default as much as the maximum heap), never more
     * than the machine has beside the heap.
     */
    public static MemoryBudget ofThisJvm() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long heap = (long) (maxHeap * USABLE_HEAP_SHARE) - BASELINE_HEAP_BYTES;
        long nativeLimit = org.bytedeco.javacpp.Pointer.maxBytes();
        if (nativeLimit <= 0) {
            nativeLimit = Long.MAX_VALUE;
        }
        nativeLimit -= org.bytedeco.javacpp.Pointer.totalBytes();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            nativeLimit = Math.min(nativeLimit, os.getTotalMemorySize() - maxHeap);
        }
        return new MemoryBudget(Math.max(0, heap), Math.max(0, nativeLimit));
    }

    public long heapBytes() {
        return heapBytes;
    }

    public long nativeBytes() {
        return nativeBytes;
    }

    /** The larger of the training and the final full-test-set evaluation. */
    public static Estimate estimate(TrainingSettings settings) {
        Estimate training = training(settings);
        Estimate evaluation = evaluation(settings.length(), settings.hidden(), settings.testSize());
        long dataset = 4L << settings.length(); // every string, shuffled, as an int
        return new Estimate(dataset + Math.max(training.heapBytes(), evaluation.heapBytes()),
                Math.max(training.nativeBytes(), evaluation.nativeBytes()));
    }

    /** What scoring {@code strings} strings needs: the sorted copy and one workspace per thread. */
    public static Estimate evaluation(int length, int hidden, long strings) {
        long chunk = Math.min(strings, Evaluator.chunkSize(hidden));
        long chunks = Math.min(Evaluator.parallelChunks(), Math.max(1, (strings + chunk - 1) / Math.max(1, chunk)));
        long gates = 4L * hidden;
        long width = 2L + hidden;
        long classes = length + 1L;
        // a workspace: the chunk's state and its logits, and OpenBLAS's copies of the weights, the
        // stacked input, the gates and the logits
        long heap = 2 * strings * Integer.BYTES // the test strings and their sorted copy
                + chunks * chunk * ((Evaluator.floatsPerString(hidden) + classes) * Float.BYTES + 4L * Integer.BYTES);
        long nativeBytes = chunks * (width * gates + hidden * classes + chunk * (width + gates + classes)) * Float.BYTES;
        return new Estimate(heap, nativeBytes + ParameterSnapshot.parameterCount(length, hidden) * (long) Float.BYTES);
    }

    /** The epoch loop: minibatches, the fused LSTM's shards, DL4J's arrays and the held-out evaluation. */
    static Estimate training(TrainingSettings s) {
        long batch = s.batchSize();
        long steps = s.length();
        long hidden = s.hidden();
        long gates = 4 * hidden;
        long width = 2 + hidden;
        long parameters = ParameterSnapshot.parameterCount(s.length(), s.hidden());
        long encoded = (2 * steps + 1) * Float.BYTES; // features and one-hot labels of one string
        // Java: the shards' per-timestep state, the helper's copies of inputs, initial states and the
        // output gradient, a minibatch's encoding; snapshots of the weights
        long shardHeap = batch * (2 * width + steps * (gates + 3 * hidden) + 4 * hidden + gates) * Float.BYTES;
        long helperHeap = batch * (2 * steps + 4 * hidden + steps * hidden + steps) * Float.BYTES;
        long heap = shardHeap + helperHeap + batch * encoded + 4 * parameters * Float.BYTES
                + (long) (s.trainSize() + s.evalSample()) * Integer.BYTES;
        // native: the shards' buffers for OpenBLAS (the LSTM's, and the output layer's: h, the logits
        // and dL/dh); DL4J's activations, epsilons and their copies; parameters, gradients and Adam's
        // two moments; minibatches encoded once when not reshuffled
        long shardNative = batch * (steps * width + gates + width + 2 * hidden + steps + 1) * Float.BYTES;
        long dl4jNative = WORKSPACE_FACTOR * batch * (3 * steps * hidden + 2 * hidden + 2 * steps + 1) * Float.BYTES;
        long data = (s.shuffleEachEpoch() ? batch : s.trainSize()) * encoded;
        long nativeBytes = shardNative + dl4jNative + 4 * parameters * Float.BYTES + data;
        // each epoch scores the held-out sample and then every training string, in workspaces the
        // run keeps beside its shards
        Estimate scoring = evaluation(s.length(), s.hidden(), Math.max(s.evalSample(), s.trainSize()));
        return new Estimate(heap + scoring.heapBytes(), nativeBytes + scoring.nativeBytes());
    }

    /** Why these settings cannot run in this budget, or empty if they can. */
    public Optional<Problem> check(TrainingSettings settings) {
        if (!settings.problems().isEmpty()) {
            return Optional.empty(); // out of range: the range message says more than a size could
        }
        Estimate need = estimate(settings);
        if (fits(need)) {
            return Optional.empty();
        }
        int largest = largestBatchSize(settings);
        String message = String.format(Locale.ROOT,
                "hidden size %,d with batch size %,d and length %d needs about %s of memory (%s Java heap, %s native);"
                        + " this Java process can give a run %s heap and %s native.",
                settings.hidden(), settings.batchSize(), settings.length(), size(need.totalBytes()),
                size(need.heapBytes()), size(need.nativeBytes()), size(heapBytes), size(nativeBytes));
        message += largest > 0
                ? String.format(Locale.ROOT, " A batch size of at most %,d fits; or give Java more memory (-Xmx).", largest)
                : " Use a smaller hidden size or length, or give Java more memory (-Xmx).";
        return Optional.of(new Problem(message, largest));
    }

    /** Throws {@link InvalidSettingsException} with the problem's message if the settings do not fit. */
    public void require(TrainingSettings settings) {
        check(settings).ifPresent(problem -> {
            throw new InvalidSettingsException(java.util.List.of(problem.message()));
        });
    }

    private boolean fits(Estimate need) {
        return need.heapBytes() <= heapBytes && need.nativeBytes() <= nativeBytes;
    }

    /** The estimate grows with the batch size, so the largest that fits is found by bisection. */
    private int largestBatchSize(TrainingSettings settings) {
        int low = 0;
        int high = settings.batchSize();
        while (low < high) {
            int middle = (int) (((long) low + high + 1) / 2);
            if (fits(estimate(settings.withBatchSize(middle)))) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    static String size(long bytes) {
        double gb = bytes / (double) (1L << 30);
        return gb >= 1 ? String.format(Locale.ROOT, "%.1f GB", gb)
                : String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / (double) (1L << 20))));
    }
}
