# Collects the hits by training row, so the indices come out grouped by match, not sorted.
# expect-lose: shared_rows_tests
# %% shared_rows_solution
def shared_rows(X_train, X_test):
    A, B = np.asarray(X_train), np.asarray(X_test)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("bad shapes")
    hits = []
    for row in A:
        for i in range(len(B)):
            if np.array_equal(B[i], row) and i not in hits:
                hits.append(i)
    return np.array(hits, dtype=int)
