package org.bitcountlab.core.model;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Copies between DL4J's parameter and gradient views and the plain row-major {@code float[]}s the
 * training step, the optimiser and the saved snapshots work on. DL4J keeps a network's parameters
 * as views into one flat buffer, in 'f' or 'c' order with strides and an offset; these helpers read
 * and write such a view value by value, whatever its layout.
 */
final class RowMajor {

    private RowMajor() {
    }

    /** Copies a vector or matrix into target row-major from offset on, whatever its order, strides or offset. */
    static void read(INDArray array, float[] target, int offset) {
        FloatBuffer data = array.data().asNioFloat();
        int base = (int) array.offset();
        int rows = array.rank() == 1 ? 1 : (int) array.size(0);
        int cols = (int) array.size(array.rank() - 1);
        long rowStride = array.rank() == 1 ? 0 : array.stride(0);
        long colStride = array.stride(array.rank() - 1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                target[offset + i * cols + j] = data.get((int) (base + i * rowStride + j * colStride));
            }
        }
    }

    /** The opposite of {@link #read}: row-major values from source[offset] on into a vector or matrix view. */
    static void write(float[] source, int offset, INDArray view) {
        FloatBuffer data = view.data().asNioFloat();
        int base = (int) view.offset();
        int rows = view.rank() == 1 ? 1 : (int) view.size(0);
        int cols = (int) view.size(view.rank() - 1);
        long rowStride = view.rank() == 1 ? 0 : view.stride(0);
        long colStride = view.stride(view.rank() - 1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                data.put((int) (base + i * rowStride + j * colStride), source[offset + i * cols + j]);
            }
        }
    }

    /** A row-major copy of any array, whatever its order, strides or offset. */
    static float[] copy(INDArray array) {
        boolean rowMajor = array.ordering() == 'c' && array.offset() == 0
                && Shape.hasDefaultStridesForShape(array) && array.data().length() == array.length();
        INDArray dense = rowMajor ? array : array.dup('c');
        float[] values = new float[(int) dense.length()];
        dense.data().asNioFloat().get(values);
        return values;
    }
}
