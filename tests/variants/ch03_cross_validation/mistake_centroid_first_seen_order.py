# classes_ in the order the labels first appear (a dict), not sorted.
# expect-lose: nearest_centroid_tests
# %% nearest_centroid_solution
class NearestCentroid:
    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        if X.ndim != 2 or len(X) == 0 or len(y) != len(X):
            raise ValueError("bad input")
        groups = {}
        for row, label in zip(X, y, strict=True):
            groups.setdefault(label, []).append(row)
        self.classes_ = np.array(list(groups))
        self.centroids_ = np.array([np.mean(rows, axis=0) for rows in groups.values()])
        return self

    def predict(self, X):
        if not hasattr(self, "centroids_"):
            raise ValueError("not fitted")
        d = np.linalg.norm(np.asarray(X, dtype=float)[:, None] - self.centroids_[None], axis=2)
        return self.classes_[np.argmin(d, axis=1)]
