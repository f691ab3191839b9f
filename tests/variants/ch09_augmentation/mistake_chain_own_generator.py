# Gives every step a new generator of its own instead of the caller's.
# expect-lose: chain_tests
# %% chain_solution
class Compose:
    """Chain of batch transforms t(images, generator) -> images, applied in the order of the list."""

    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, images, generator):
        for transform in self.transforms:
            images = transform(images, torch.Generator().manual_seed(0))
        return images
