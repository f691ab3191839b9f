# Keeps the fitted state on the class instead of the object: a second model overwrites the first.
# expect-lose: nearest_centroid_tests
# %% nearest_centroid_solution
class NearestCentroid:
    state = {}

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        if X.ndim != 2 or len(X) == 0 or len(y) != len(X):
            raise ValueError("bad input")
        NearestCentroid.state["classes"] = np.unique(y)
        NearestCentroid.state["centroids"] = np.stack([X[y == c].mean(axis=0) for c in np.unique(y)])
        self.fitted = True
        return self

    @property
    def classes_(self):
        return NearestCentroid.state["classes"]

    @property
    def centroids_(self):
        return NearestCentroid.state["centroids"]

    def predict(self, X):
        if not getattr(self, "fitted", False):
            raise ValueError("not fitted")
        d = np.linalg.norm(np.asarray(X, dtype=float)[:, None, :] - self.centroids_[None], axis=2)
        return self.classes_[np.argmin(d, axis=1)]
