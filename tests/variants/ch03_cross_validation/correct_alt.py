# A second correct solution, written differently from the reference: dictionaries and loops,
# np.array_split for the folds, a list of buckets for the stratified deal, sklearn-free.
# expect: full
# %% nearest_centroid_solution
class NearestCentroid:
    def __init__(self):
        self.classes_ = None
        self.centroids_ = None

    def fit(self, X, y):
        X = np.array(X, dtype=np.float64)
        y = np.array(y)
        if len(X.shape) != 2 or len(X) == 0 or len(y) != len(X):
            raise ValueError("bad training data")
        sums, counts = {}, {}
        for row, label in zip(X, y.tolist(), strict=True):
            sums[label] = sums.get(label, 0.0) + row
            counts[label] = counts.get(label, 0) + 1
        self.classes_ = np.array(sorted(sums))
        self.centroids_ = np.array([sums[c] / counts[c] for c in self.classes_.tolist()])
        return self

    def predict(self, X):
        if self.centroids_ is None:
            raise ValueError("not fitted")
        X = np.array(X, dtype=np.float64)
        out = []
        for row in X:
            d = np.linalg.norm(self.centroids_ - row, axis=1)
            out.append(self.classes_[int(np.argmin(d))])
        return np.array(out)


# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    for v in (n, k):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise ValueError("n and k must be integers")
    if k < 2 or n < k:
        raise ValueError("need 2 <= k <= n")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    blocks = np.array_split(order, k)
    result = []
    for block in blocks:
        rest = np.setdiff1d(order, block)
        result.append((rest, block))
    return result


# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.array(y)
    if len(y.shape) != 1 or len(y) == 0:
        raise ValueError("y must be non-empty and 1-D")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 2 or k > len(y):
        raise ValueError("bad k")
    buckets = [[] for _ in range(k)]
    position = 0
    for label in sorted(set(y.tolist())):
        members = np.nonzero(y == label)[0]
        rng.shuffle(members)
        for idx in members:
            buckets[position % k].append(int(idx))
            position += 1
    everything = set(range(len(y)))
    return [(np.array(sorted(everything - set(b)), dtype=int), np.array(b, dtype=int)) for b in buckets]


# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    X, y = np.asarray(X), np.asarray(y)
    if not folds:
        raise ValueError("no folds")
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y differ in length")
    return np.array([_one(make_model, X, y, tr, va, score) for tr, va in folds])


def _one(make_model, X, y, tr, va, score):
    model = make_model()
    model.fit(X[tr], y[tr])
    return float(score(y[va], model.predict(X[va])))
