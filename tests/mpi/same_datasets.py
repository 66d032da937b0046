#!/usr/bin/env python3
"""Exit 0 when two bedflow results files hold the same datasets, byte for byte.

Usage: same_datasets.py A.h5 B.h5

Compares every dataset's raw bytes and every attribute of every group and dataset, except
the two that record the run rather than its results: when it started and when it finished
(they differ between any two runs, MPI or not).
Prints each difference and exits 1 if there is one.
"""
import sys

import h5py
import numpy as np

RUN_RECORD_ATTRIBUTES = {"started_at", "finished_at"}


def items(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj))
    found["/"] = f
    return found


def raw(dataset):
    value = dataset[()]
    return value.tobytes() if isinstance(value, np.ndarray) else bytes(np.asarray(value).tobytes())


def main(path_a, path_b):
    problems = []
    with h5py.File(path_a, "r") as a, h5py.File(path_b, "r") as b:
        in_a, in_b = items(a), items(b)
        for name in sorted(set(in_a) ^ set(in_b)):
            problems.append(f"{name}: only in {'A' if name in in_a else 'B'}")
        for name in sorted(set(in_a) & set(in_b)):
            x, y = in_a[name], in_b[name]
            if isinstance(x, h5py.Dataset):
                if x.dtype != y.dtype or x.shape != y.shape or raw(x) != raw(y):
                    problems.append(f"{name}: dataset differs")
            for key in sorted(set(x.attrs) | set(y.attrs)):
                if key in RUN_RECORD_ATTRIBUTES:
                    continue
                if key not in x.attrs or key not in y.attrs:
                    problems.append(f"{name}@{key}: attribute only in one file")
                elif np.asarray(x.attrs[key]).tobytes() != np.asarray(y.attrs[key]).tobytes():
                    problems.append(f"{name}@{key}: attribute differs")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
