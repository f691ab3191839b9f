# Uses the Manhattan (L1) distance instead of the Euclidean one.
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
        d = np.abs(np.asarray(X, dtype=float)[:, None, :] - self.centroids_[None]).sum(axis=2)
        return self.classes_[np.argmin(d, axis=1)]
