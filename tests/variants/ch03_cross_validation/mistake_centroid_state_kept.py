# fit accumulates class sums across calls instead of starting from scratch.
# expect-lose: nearest_centroid_tests, nearest_centroid_validation_tests
# %% nearest_centroid_solution
class NearestCentroid:
    sums = {}
    counts = {}

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        if X.ndim != 2 or len(X) == 0 or len(y) != len(X):
            raise ValueError("bad input")
        for row, label in zip(X, y.tolist(), strict=True):
            self.sums[label] = self.sums.get(label, 0.0) + row
            self.counts[label] = self.counts.get(label, 0) + 1
        self.classes_ = np.array(sorted(self.sums))
        self.centroids_ = np.array([self.sums[c] / self.counts[c] for c in self.classes_.tolist()])
        return self

    def predict(self, X):
        if not hasattr(self, "centroids_"):
            raise ValueError("not fitted")
        X = np.asarray(X, dtype=float)
        d = np.linalg.norm(X[:, None, :] - self.centroids_[None], axis=2)
        return self.classes_[np.argmin(d, axis=1)]
