"""nbgrader configuration of the course: solutions/ is the source, notebooks/ the release.

Usable by nbgrader's own command line too, e.g.
``nbgrader generate_assignment ch01_overfitting --config autograder/nbgrader_config.py``.
``python -m autograder`` loads this file and moves the gradebook and work folders out of the repository.
"""

import os

c = get_config()  # noqa: F821 -- injected by traitlets when it loads this file

c.CourseDirectory.root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
c.CourseDirectory.course_id = "generalization"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.db_url = "sqlite:////tmp/generalization-course-gradebook.db"

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# A cell that runs longer than this is stopped; the rest of the notebook still runs.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
