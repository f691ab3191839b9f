# What a careful learner writes from the contracts alone: plain loops, explicit checks of exactly the
# documented errors, isinstance(..., (int, np.integer)) for the integer arguments, a dealing counter.
# expect: full
# %% nearest_centroid_solution
class NearestCentroid:
    def __init__(self):
        self.classes_ = None
        self.centroids_ = None

    def fit(self, X, y):
        if X.ndim != 2 or X.shape[0] == 0 or len(y) != X.shape[0]:
            raise ValueError("X must be 2-D with at least one row, and y must have one label per row")
        classes = np.unique(y)
        centroids = np.zeros((len(classes), X.shape[1]), dtype=float)
        for i, c in enumerate(classes):
            centroids[i] = np.mean(X[y == c], axis=0)
        self.classes_ = classes
        self.centroids_ = centroids
        return self

    def predict(self, X):
        if self.centroids_ is None:
            raise ValueError("the model has not been fitted")
        labels = []
        for row in X:
            distances = [np.sqrt(np.sum((row - centroid) ** 2)) for centroid in self.centroids_]
            labels.append(self.classes_[np.argmin(distances)])
        return np.array(labels)


# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not isinstance(n, (int, np.integer)) or not isinstance(k, (int, np.integer)):
        raise ValueError("n and k must be integers")
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    if rng is None:
        order = np.arange(n)
    else:
        order = rng.permutation(n)
    folds = []
    start = 0
    for i in range(k):
        size = n // k + 1 if i < n % k else n // k
        val_idx = order[start:start + size]
        train_idx = np.concatenate([order[:start], order[start + size:]])
        folds.append((train_idx, val_idx))
        start += size
    return folds


# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    if y.ndim != 1 or len(y) == 0:
        raise ValueError("y must be a non-empty 1-D array")
    if not isinstance(k, (int, np.integer)) or k < 2 or k > len(y):
        raise ValueError("k must be an integer with 2 <= k <= len(y)")
    val_lists = [[] for _ in range(k)]
    position = 0
    for c in np.unique(y):
        members = np.where(y == c)[0]
        members = rng.permutation(members)
        for index in members:
            val_lists[position % k].append(index)
            position += 1
    folds = []
    for f in range(k):
        val_idx = np.array(sorted(val_lists[f]), dtype=int)
        train_idx = np.array([i for i in range(len(y)) if i not in set(val_lists[f])], dtype=int)
        folds.append((train_idx, val_idx))
    return folds


# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    if len(folds) == 0:
        raise ValueError("folds is empty")
    if len(X) != len(y):
        raise ValueError("X and y have different lengths")
    scores = []
    for train_idx, val_idx in folds:
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        predictions = model.predict(X[val_idx])
        scores.append(score(y[val_idx], predictions))
    return np.array(scores, dtype=np.float64)
