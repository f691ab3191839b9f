# A vectorised correct solution: squared distances by the expansion |x|^2 - 2 x.c + |c|^2 (as scikit-learn
# does), np.split at cumulative fold sizes, stratification by a stable sort of a shuffled order, and
# rng.choice without replacement instead of rng.permutation inside the classes.
# expect: full
# %% nearest_centroid_solution
class NearestCentroid:
    def fit(self, X, y):
        X, y = np.asarray(X), np.asarray(y)
        if X.ndim != 2 or not len(X) or y.shape[0] != X.shape[0]:
            raise ValueError("bad training data")
        self.classes_, codes = np.unique(y, return_inverse=True)
        sums = np.zeros((len(self.classes_), X.shape[1]))
        np.add.at(sums, codes, X)
        self.centroids_ = sums / np.bincount(codes)[:, None]
        return self

    def predict(self, X):
        if "centroids_" not in vars(self):
            raise ValueError("not fitted")
        X = np.asarray(X, dtype=float)
        d2 = (X ** 2).sum(1)[:, None] - 2 * X @ self.centroids_.T + (self.centroids_ ** 2).sum(1)[None, :]
        return self.classes_[d2.argmin(axis=1)]


# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not (isinstance(n, (int, np.integer)) and isinstance(k, (int, np.integer)) and 2 <= k <= n):
        raise ValueError("need integers 2 <= k <= n")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    sizes = [n // k + 1] * (n % k) + [n // k] * (k - n % k)
    blocks = np.split(order, np.cumsum(sizes)[:-1])
    return [(np.setdiff1d(order, block, assume_unique=True), block) for block in blocks]


# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not isinstance(k, (int, np.integer)) or not 2 <= k <= y.size:
        raise ValueError("bad y or k")
    codes = np.unique(y, return_inverse=True)[1]
    shuffled = rng.choice(y.size, size=y.size, replace=False)
    dealt = shuffled[np.argsort(codes[shuffled], kind="stable")]
    fold = np.empty(y.size, dtype=np.int64)
    fold[dealt] = np.arange(y.size) % k
    return [(np.flatnonzero(fold != f), np.flatnonzero(fold == f)) for f in range(k)]


# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    if not len(folds):
        raise ValueError("no folds")
    if np.shape(X)[0] != np.shape(y)[0]:
        raise ValueError("X and y differ in length")

    def one(train_idx, val_idx):
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        return score(y[val_idx], model.predict(X[val_idx]))

    return np.fromiter((one(tr, va) for tr, va in folds), dtype=np.float64, count=len(folds))
