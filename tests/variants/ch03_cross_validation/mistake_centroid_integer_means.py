# Accumulates the class sums in an array of X's dtype: with integer features the centroids are truncated.
# expect-lose: nearest_centroid_tests
# %% nearest_centroid_solution
class NearestCentroid:
    def fit(self, X, y):
        if X.ndim != 2 or len(X) == 0 or len(y) != len(X):
            raise ValueError("bad input")
        self.classes_ = np.unique(y)
        self.centroids_ = np.zeros((len(self.classes_), X.shape[1]), dtype=X.dtype)
        for i, c in enumerate(self.classes_):
            self.centroids_[i] = X[y == c].sum(axis=0) / np.sum(y == c)
        return self

    def predict(self, X):
        if not hasattr(self, "centroids_"):
            raise ValueError("not fitted")
        d = ((X[:, None, :] - self.centroids_[None]) ** 2).sum(axis=2)
        return self.classes_[np.argmin(d, axis=1)]
