# Applies the last transform first (the matrix order of Exercise 2 carried over).
# expect-lose: chain_tests
# %% chain_solution
class Compose:
    """Chain of batch transforms t(images, generator) -> images, applied in the order of the list."""

    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, images, generator):
        for transform in reversed(self.transforms):
            images = transform(images, generator)
        return images
