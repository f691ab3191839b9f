"""genml.glue publishes exactly the message myst_nb.glue publishes, without importing nbformat."""

import subprocess
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from genml import glue


@pytest.mark.parametrize("variable", [0.123456, 42, "text", [1, 2]])
@pytest.mark.parametrize("display", [False, True])
def test_same_message_as_myst_nb(variable, display):
    from myst_nb import glue as reference

    InteractiveShell.instance()
    with capture_output() as ours:
        glue("name", variable, display=display)
    with capture_output() as theirs:
        reference("name", variable, display=display)
    assert [(o.data, o.metadata) for o in ours.outputs] == [(o.data, o.metadata) for o in theirs.outputs]
    assert len(ours.outputs) == 1


def test_importing_and_gluing_leave_nbformat_unimported():
    code = ("import sys; from IPython.core.interactiveshell import InteractiveShell; InteractiveShell.instance(); "
            "from genml import glue; glue('x', 1.0, display=False); print('nbformat' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
