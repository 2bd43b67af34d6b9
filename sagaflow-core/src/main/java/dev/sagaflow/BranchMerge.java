package dev.sagaflow;

import java.util.List;

/** Folds the branches a join kept into the saga's data; returning {@code null} keeps the data as it is. */
@FunctionalInterface
public interface BranchMerge<D, T> {
    D merge(D data, List<Branch<T>> kept) throws Exception;
}
