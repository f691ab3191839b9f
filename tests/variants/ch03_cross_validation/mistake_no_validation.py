# ruff: noqa: E501
# Right behaviour on valid input, but none of the ValueErrors the contracts ask for: only the four
# validation cells lose their points, every main cell keeps them.
# expect-lose: nearest_centroid_validation_tests, kfold_indices_validation_tests, stratified_kfold_validation_tests, cross_val_score_validation_tests
# %% nearest_centroid_solution
class NearestCentroid:
    def fit(self, X, y):
        X, y = np.asarray(X), np.asarray(y)
        self.classes_ = np.unique(y)
        self.centroids_ = np.stack([X[y == label].mean(axis=0) for label in self.classes_]) \
            if len(self.classes_) else np.zeros((0, 1))
        return self

    def predict(self, X):
        distances = np.linalg.norm(np.asarray(X)[:, None, :] - self.centroids_[None, :, :], axis=2)
        return self.classes_[np.argmin(distances, axis=1)]


# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    n, k = int(n), max(int(k), 1)
    order = np.arange(n) if rng is None else rng.permutation(n)
    sizes = [n // k + (i < n % k) for i in range(k)]
    folds, start = [], 0
    for size in sizes:
        folds.append((np.concatenate([order[:start], order[start + size:]]), order[start:start + size]))
        start += size
    return folds


# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    labels = np.asarray(y).ravel()
    k = max(int(k), 1)
    order = np.concatenate([rng.permutation(np.flatnonzero(labels == c)) for c in np.unique(labels)] + [[]])
    fold_of = np.empty(len(labels), dtype=int)
    fold_of[order.astype(int)] = np.arange(len(labels)) % k
    everyone = np.arange(len(labels))
    return [(everyone[fold_of != f], everyone[fold_of == f]) for f in range(k)]


# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    scores = np.zeros(len(folds))
    for i, (train_idx, val_idx) in enumerate(folds):
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        scores[i] = score(y[val_idx], model.predict(X[val_idx]))
    return scores
