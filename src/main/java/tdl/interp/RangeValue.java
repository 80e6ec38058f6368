package tdl.interp;

/** Python's range(start, stop, step): a lazy arithmetic sequence. */
public record RangeValue(long start, long stop, long step) {
    public long length() {
        if (step > 0) return start < stop ? (stop - start + step - 1) / step : 0;
        return start > stop ? (start - stop - step - 1) / (-step) : 0;
    }

    public long get(long i) { return start + i * step; }

    public boolean contains(long v) {
        if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop)) return false;
        return (v - start) % step == 0;
    }

    @Override
    public String toString() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
    }
}
