# predict returns a Python list of labels instead of a 1-D NumPy array.
# expect-lose: nearest_centroid_tests
# %% nearest_centroid_solution
class NearestCentroid:
    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        if X.ndim != 2 or len(X) == 0 or len(y) != len(X):
            raise ValueError("bad input")
        self.classes_ = np.unique(y)
        self.centroids_ = np.stack([X[y == c].mean(axis=0) for c in self.classes_])
        return self

    def predict(self, X):
        if not hasattr(self, "centroids_"):
            raise ValueError("not fitted")
        d = np.linalg.norm(np.asarray(X, dtype=float)[:, None, :] - self.centroids_[None], axis=2)
        return [self.classes_[i] for i in np.argmin(d, axis=1)]
